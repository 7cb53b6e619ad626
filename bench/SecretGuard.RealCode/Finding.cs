using System;
using System.Globalization;

namespace SecretGuard.RealCode;

/// <summary>
/// One analyzer finding as a reviewable line: where, which rule at which severity, the name it sits under, and the value's
/// length and a short hash. Never the value: true findings are someone's live secrets.
/// </summary>
/// <param name="Symbol">The variable, member, argument or key the flagged value belongs to, or <c>-</c>.</param>
/// <param name="ValueHash">The first 8 hex digits of the SHA-256 of the flagged text: tells two findings on one line apart
/// and shows when a label sits on a changed value, without saying what the value is.</param>
internal sealed record Finding(string Path, int Line, int Column, string Rule, string Severity, string Symbol, int ValueLength, string ValueHash, bool IsProduction)
{
    public const string Header = "# path:line:column\trule\tseverity\tsymbol\tvalue length\tvalue hash\tproduction|other";

    public string ToLine() => string.Join('\t',
        Path + ":" + Line.ToString(CultureInfo.InvariantCulture) + ":" + Column.ToString(CultureInfo.InvariantCulture),
        Rule,
        Severity,
        Symbol,
        ValueLength.ToString(CultureInfo.InvariantCulture),
        ValueHash,
        IsProduction ? "production" : "other");

    public static Finding Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 7)
        {
            throw new FormatException("A findings line has 7 tab-separated fields: " + Header);
        }

        var location = fields[0].Split(':');
        return new Finding(
            string.Join(':', location[..^2]),
            int.Parse(location[^2], CultureInfo.InvariantCulture),
            int.Parse(location[^1], CultureInfo.InvariantCulture),
            fields[1],
            fields[2],
            fields[3],
            int.Parse(fields[4], CultureInfo.InvariantCulture),
            fields[5],
            fields[6] == "production");
    }
}
