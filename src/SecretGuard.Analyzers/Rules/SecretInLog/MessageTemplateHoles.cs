using System.Collections.Generic;
using SecretGuard.Analyzers.Sensitivity;

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
        foreach (var text in MessageTemplateRendering.HoleTexts(template))
        {
            var hole = text.Length > 0 && (text[0] == '@' || text[0] == '$') ? text.Substring(1) : text;
            var cut = hole.IndexOfAny(new[] { ',', ':' });
            holes.Add((cut >= 0 ? hole.Substring(0, cut) : hole).Trim());
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
