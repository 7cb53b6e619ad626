using System;

namespace SecretGuard.Naming;

/// <summary>
/// Words and shapes that say a value is not a real secret (placeholders), shared by every check that judges
/// values, so the analyzers and the env-file checks agree.
/// </summary>
internal static class SensitivityLexicon
{
    private static readonly string[] PlaceholderWords =
    {
        "changeme", "change_me", "change-me", "replace_me", "replaceme", "your-", "your_", "yourkey", "<your", "example", "placeholder",
        "dummy", "redacted", "xxxx", "****", "todo", "fixme", "insert", "sample",
    };

    // Values published in vendors' documentation and tools, used in countless samples: never someone's secret.
    private static readonly string[] PublishedSamples =
    {
        // The Azure Storage emulator's (Azurite's) well-known account key.
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
        // The signature of jwt.io's sample token.
        "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        // Stripe's documentation test key.
        "4eC39HqLyjWDarjtT1zdp7dc",
    };

    /// <summary>
    /// Whether a value is a placeholder: empty, <c>changeme</c>, <c>&lt;your-key&gt;</c>, <c>xxxx</c>, <c>***</c>,
    /// a documentation value (<c>...EXAMPLE</c>, the Azure Storage emulator key), made of one repeated character, or
    /// a template reference: <c>${X}</c>, <c>{0}</c>, <c>{name}</c>, <c>{{ x }}</c>, <c>$(X)</c>, <c>%X%</c>,
    /// <c>#{X}</c>, <c>__X__</c>, <c>@X@</c>, <c>$X</c>.
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var text = value!.Trim();
        if ((text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal)) ||
            (text.StartsWith("<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal)) ||
            (text.StartsWith("{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal) && text.Length <= 5) ||
            IsTemplateReference(text))
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        foreach (var sample in PublishedSamples)
        {
            if (text.IndexOf(sample, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        var first = text[0];
        foreach (var c in text)
        {
            if (c != first)
            {
                return false;
            }
        }

        return true;
    }

    // A reference that a template engine, a shell or a build replaces: the value is a name, not a secret.
    private static bool IsTemplateReference(string text)
    {
        if (text.Length < 3)
        {
            return false;
        }

        if (Wraps(text, "{{", "}}") || Wraps(text, "$(", ")") || Wraps(text, "#{", "}") || Wraps(text, "#{", "}#") || Wraps(text, "%(", ")s"))
        {
            return true;
        }

        if ((Wraps(text, "{", "}") || Wraps(text, "%", "%") || Wraps(text, "__", "__") || Wraps(text, "@", "@")) && IsName(text, 1, text.Length - 1))
        {
            return true;
        }

        // $NAME or $name: a shell or env-file variable (letters and underscores in one case, as variables are written).
        if (text[0] == '$')
        {
            var upper = true;
            var lower = true;
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                upper &= (c >= 'A' && c <= 'Z') || c == '_';
                lower &= (c >= 'a' && c <= 'z') || c == '_';
            }

            return upper || lower;
        }

        return false;
    }

    private static bool Wraps(string text, string open, string close) =>
        text.Length >= open.Length + close.Length + 1 &&
        text.StartsWith(open, StringComparison.Ordinal) &&
        text.EndsWith(close, StringComparison.Ordinal);

    private static bool IsName(string text, int start, int end)
    {
        var any = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':' || c == '-' || c == ' '))
            {
                return false;
            }

            any |= c != '_' && c != ' ';
        }

        return any;
    }
}
