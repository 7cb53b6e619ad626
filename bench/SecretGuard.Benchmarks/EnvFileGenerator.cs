using System;
using System.Text;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Builds a realistic env file of a given number of physical lines, the same every run (fixed seed): comments,
/// blank lines, unquoted, single- and double-quoted values (some with escapes), multi-line double-quoted values
/// (PEM-like), <c>export</c> prefixes, trailing comments and <c>DEV_ENC:</c> ciphertexts of about 100 characters.
/// Every key is unique and the file has no syntax errors.
/// </summary>
public static class EnvFileGenerator
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string ValueAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/";

    private static readonly string[] Words =
    {
        "DATABASE", "REDIS", "STRIPE", "SMTP", "AUTH", "OAUTH", "S3", "QUEUE", "CACHE", "FEATURE", "LOG", "SENTRY",
        "WEBHOOK", "JWT", "SESSION", "PAYMENT", "SEARCH", "METRICS", "CDN", "MAIL",
    };

    private static readonly string[] Fields = { "HOST", "PORT", "URL", "USER", "TIMEOUT", "LEVEL", "REGION", "NAME", "ENABLED", "MODE" };

    /// <summary>The file text with LF line endings and a final newline.</summary>
    public static string Generate(int lines, int seed = 20251124)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(lines * 64);
        var written = 0;
        var n = 0;
        while (written < lines)
        {
            n++;
            var key = Words[random.Next(Words.Length)] + "_" + Fields[random.Next(Fields.Length)] + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var roll = random.Next(100);
            if (roll < 8)
            {
                sb.Append("# ").Append(Sentence(random)).Append('\n');
            }
            else if (roll < 14)
            {
                sb.Append('\n');
            }
            else if (roll < 44)
            {
                // Unquoted, sometimes with a trailing comment.
                sb.Append(key).Append('=').Append(Chars(random, ValueAlphabet, 6 + random.Next(30)));
                if (random.Next(5) == 0)
                {
                    sb.Append("  # ").Append(Sentence(random));
                }

                sb.Append('\n');
            }
            else if (roll < 50)
            {
                sb.Append("export ").Append(key).Append('=').Append(Chars(random, ValueAlphabet, 4 + random.Next(20))).Append('\n');
            }
            else if (roll < 58)
            {
                // Single quotes: literal text with characters that need quoting.
                sb.Append(key).Append("='").Append(Chars(random, ValueAlphabet, 8 + random.Next(20))).Append(" #$x ").Append(Chars(random, ValueAlphabet, 6)).Append("'\n");
            }
            else if (roll < 67)
            {
                // Double quotes with escapes.
                sb.Append(key).Append("=\"").Append(Sentence(random)).Append("\\t\\\"q\\\" \\\\ end\\n\"\n");
            }
            else if (roll < 69 && lines - written > 6)
            {
                // Multi-line double-quoted value: a PEM-like block of 6 physical lines.
                sb.Append(key).Append("_PEM=\"-----BEGIN CERTIFICATE-----\n");
                for (var i = 0; i < 4; i++)
                {
                    sb.Append(Chars(random, Base64UrlAlphabet, 64)).Append('\n');
                }

                sb.Append("-----END CERTIFICATE-----\"\n");
                written += 5;
            }
            else
            {
                // An encrypted secret: DEV_ENC:v1:<kid>:<payload>, about 100 characters.
                sb.Append(key).Append("_SECRET=DEV_ENC:v1:3f4fd31a:").Append(Chars(random, Base64UrlAlphabet, 60 + random.Next(30))).Append('\n');
            }

            written++;
        }

        return sb.ToString();
    }

    private static string Sentence(Random random)
    {
        var sb = new StringBuilder();
        var words = 3 + random.Next(6);
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(Chars(random, "abcdefghijklmnopqrstuvwxyz", 2 + random.Next(8)));
        }

        return sb.ToString();
    }

    private static string Chars(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
