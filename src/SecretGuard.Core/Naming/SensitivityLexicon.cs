using System;

namespace SecretGuard.Naming
{
    /// <summary>
    /// Words and shapes that say a value is not a real secret (placeholders), shared by every check that judges
    /// values, so the analyzers and the env-file checks agree.
    /// </summary>
    public static class SensitivityLexicon
    {
        private static readonly string[] PlaceholderWords =
        {
            "changeme", "change_me", "change-me", "replace_me", "replaceme", "your-", "your_", "yourkey", "<your", "example", "placeholder",
            "dummy", "redacted", "xxxx", "****", "todo", "fixme", "insert", "sample",
        };

        /// <summary>
        /// Whether a value is a placeholder: empty, <c>changeme</c>, <c>&lt;your-key&gt;</c>, <c>${X}</c>, <c>{0}</c>,
        /// <c>xxxx</c>, <c>***</c>, or made of one repeated character.
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
                (text.StartsWith("{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal) && text.Length <= 5))
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
    }
}
