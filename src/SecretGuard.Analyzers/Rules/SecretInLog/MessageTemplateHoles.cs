using System.Collections.Generic;

namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>
/// The holes of a message template (<c>"Issued {AccessToken} for {@User}"</c>, <c>"k={0}"</c>) and which value each
/// one receives: named holes take the values in order (Microsoft.Extensions.Logging, Serilog, NLog), numbered holes
/// the value of their number.
/// </summary>
internal static class MessageTemplateHoles
{
    /// <summary>The parameter names under which the logging libraries take a message template or format.</summary>
    public static bool IsTemplateParameter(string name) =>
        name is "message" or "messageTemplate" or "messageFormat" or "format" or "formatString";

    /// <summary>The hole names of <paramref name="template"/> in order, without <c>@</c>/<c>$</c>, alignment or format; empty when it has none.</summary>
    public static List<string> Parse(string template)
    {
        var holes = new List<string>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                i++; // "{{" is a literal brace
                continue;
            }

            var end = template.IndexOf('}', i + 1);
            if (end < 0)
            {
                break;
            }

            var hole = template.Substring(i + 1, end - i - 1);
            if (hole.Length > 0 && (hole[0] == '@' || hole[0] == '$'))
            {
                hole = hole.Substring(1);
            }

            var cut = hole.IndexOfAny(new[] { ',', ':' });
            holes.Add((cut >= 0 ? hole.Substring(0, cut) : hole).Trim());
            i = end;
        }

        return holes;
    }

    /// <summary>The name of the hole that receives the value at <paramref name="position"/> (0 = the first value after the template), or null.</summary>
    public static string? HoleFor(List<string> holes, int position)
    {
        var numbered = holes.Count > 0;
        foreach (var hole in holes)
        {
            if (!int.TryParse(hole, out _))
            {
                numbered = false;
                break;
            }
        }

        // Numbered holes ({0}) name nothing: the value's own name is all there is.
        if (numbered)
        {
            return null;
        }

        return position < holes.Count ? holes[position] : null;
    }
}
