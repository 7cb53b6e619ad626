using System;

namespace SecretGuard.Environments;

/// <summary>
/// Environment names (<c>dev</c>, <c>int</c>, <c>prod</c>, ...): validation, the ciphertext prefix and the
/// mapping from .NET hosting environment names.
/// </summary>
internal static class EnvironmentName
{
    /// <summary>The environments SecretGuard knows without configuration.</summary>
    public static readonly string[] Defaults = { "dev", "int", "prod" };

    /// <summary>Whether <paramref name="name"/> is a valid environment name: <c>[a-z][a-z0-9]*</c>.</summary>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length == 0 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws a clear <see cref="ArgumentException"/> unless <paramref name="name"/> is valid.</summary>
    public static void Validate(string? name, string parameterName)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(InvalidNameMessage(name), parameterName);
        }
    }

    /// <summary>What is wrong with an invalid environment name, and what to write instead.</summary>
    public static string InvalidNameMessage(string? name) =>
        "'" + name + "' is not a valid SecretGuard environment name: use a lower-case letter followed by lower-case letters or digits (dev, int, prod, staging2).";

    /// <summary>
    /// The ciphertext prefix of an environment, <c>dev</c> → <c>DEV_ENC:</c>. Upper-casing is ASCII-only, so the
    /// result does not depend on the culture (<c>int</c> is <c>INT</c> in Turkish too).
    /// </summary>
    public static string ToPrefix(string name)
    {
        Validate(name, nameof(name));
        return ToUpperAscii(name) + "_ENC:";
    }

    /// <summary>
    /// Maps a .NET hosting environment name to a SecretGuard environment: Development → dev, Staging → int,
    /// Production → prod, anything else lower-cased. Returns null when the result is not a valid name.
    /// </summary>
    public static string? FromHostingEnvironment(string? hostingName)
    {
        if (hostingName is null)
        {
            return null;
        }

        var trimmed = hostingName.Trim();
        if (trimmed.Equals("Development", StringComparison.OrdinalIgnoreCase))
        {
            return "dev";
        }

        if (trimmed.Equals("Staging", StringComparison.OrdinalIgnoreCase))
        {
            return "int";
        }

        if (trimmed.Equals("Production", StringComparison.OrdinalIgnoreCase))
        {
            return "prod";
        }

        var lower = ToLowerAscii(trimmed);
        return IsValid(lower) ? lower : null;
    }

    internal static string ToUpperAscii(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 'a' && chars[i] <= 'z')
            {
                chars[i] = (char)(chars[i] - 32);
            }
        }

        return new string(chars);
    }

    internal static string ToLowerAscii(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= 'A' && chars[i] <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }
}
