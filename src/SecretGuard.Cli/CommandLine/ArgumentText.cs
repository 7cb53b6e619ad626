using System;
using System.Collections.Generic;
using System.Linq;
using SecretGuard.Naming;

namespace SecretGuard.Cli.CommandLine;

/// <summary>
/// How messages refer to what was typed on the command line. Any argument may be a secret pasted in the wrong place,
/// and messages go to standard error, so into CI logs: a message quotes only a known command or option name, a value
/// from a closed set it checked (<c>--format sarif</c>), an environment name that is valid, and an entry name that is
/// secret by its suffix (<c>API_TOKEN_SECRET</c>: a credential never ends so). Everything else is named by its place
/// and length: "the second argument (37 characters)" (docs/cli.md#conventions).
/// </summary>
internal static class ArgumentText
{
    private static readonly string[] Ordinals = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth" };

    /// <summary>"1 character", "37 characters".</summary>
    public static string Length(string text) => text.Length == 1 ? "1 character" : text.Length + " characters";

    /// <summary>"first", "second", ... for a zero-based position.</summary>
    public static string Ordinal(int index) => index < Ordinals.Length ? Ordinals[index] : (index + 1) + "th";

    /// <summary>Whether an entry name may be quoted: it ends in a secret suffix, which only a name does.</summary>
    public static bool ShowsName(string name) => SecretNaming.Default.IsSecret(name);

    /// <summary>The entry name as typed when it may be quoted (<see cref="ShowsName"/>), else "the name (N characters)".</summary>
    public static string Name(string name) => ShowsName(name) ? name : "the name (" + Length(name) + ")";

    /// <summary>A positional argument by its place among the positionals: "the second PATH (14 characters)".</summary>
    public static string Positional(ParsedArguments arguments, string argument, string placeholder)
    {
        var index = 0;
        while (index < arguments.Positionals.Count && !string.Equals(arguments.Positionals[index], argument, StringComparison.Ordinal))
        {
            index++;
        }

        return "the " + Ordinal(index) + " " + placeholder + " (" + Length(argument) + ")";
    }

    /// <summary>"a, b and c".</summary>
    public static string JoinAnd(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join(string.Empty, items) : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];

    /// <summary>
    /// The known name closest to what was typed, for "did you mean": only the known name is shown, and only when the
    /// typed text is a near miss of it (a typo), not merely any text.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (Math.Abs(candidate.Length - typed.Length) > 2)
            {
                continue;
            }

            var distance = Distance(typed, candidate);
            if (distance < bestDistance && distance <= 2 && distance * 3 <= candidate.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Edit distance with adjacent transpositions (optimal string alignment): "fromat" is one edit from "format".
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
