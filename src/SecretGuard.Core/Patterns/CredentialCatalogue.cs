using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SecretGuard.Naming;

namespace SecretGuard.Patterns
{
    /// <summary>
    /// The credential formats SecretGuard recognises in values, shared by the env-file checks and the analyzers so
    /// both judge a value the same way. Keyword prefilter first, regex (with a timeout) second, entropy last.
    /// </summary>
    public sealed class CredentialCatalogue
    {
        private readonly CredentialFamily[] _families;

        /// <summary>Creates a catalogue from families.</summary>
        public CredentialCatalogue(IEnumerable<CredentialFamily> families) => _families = families.ToArray();

        /// <summary>The built-in families.</summary>
        public static CredentialCatalogue Default { get; } = new CredentialCatalogue(BuiltInFamilies());

        /// <summary>The families, in the order they are tried.</summary>
        public IReadOnlyList<CredentialFamily> Families => _families;

        /// <summary>The first credential found in <paramref name="text"/>, or null. Placeholders never match.</summary>
        public CredentialMatch? Find(string? text)
        {
            if (text is null || text.Length < 8 || SensitivityLexicon.IsPlaceholder(text))
            {
                return null;
            }

            foreach (var family in _families)
            {
                if (!ContainsAnyKeyword(text, family.Keywords))
                {
                    continue;
                }

                Match match;
                try
                {
                    match = family.Regex.Match(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }

                for (; match.Success; match = match.NextMatch())
                {
                    var secret = match.Groups["secret"].Success ? match.Groups["secret"].Value : match.Value;
                    if (SensitivityLexicon.IsPlaceholder(secret))
                    {
                        continue;
                    }

                    if (family.MinEntropyBitsPerChar > 0 && ShannonEntropy(secret) < family.MinEntropyBitsPerChar)
                    {
                        continue;
                    }

                    return new CredentialMatch(family, match.Index, match.Length);
                }
            }

            return null;
        }

        /// <summary>Shannon entropy in bits per character.</summary>
        public static double ShannonEntropy(string text)
        {
            if (text.Length == 0)
            {
                return 0;
            }

            var counts = new Dictionary<char, int>();
            foreach (var c in text)
            {
                counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
            }

            double entropy = 0;
            foreach (var count in counts.Values)
            {
                var p = (double)count / text.Length;
                entropy -= p * Math.Log(p, 2);
            }

            return entropy;
        }

        private static bool ContainsAnyKeyword(string text, string[] keywords)
        {
            if (keywords.Length == 0)
            {
                return true;
            }

            foreach (var keyword in keywords)
            {
                if (text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<CredentialFamily> BuiltInFamilies()
        {
            yield return new CredentialFamily("private-key", "a private key",
                new[] { "PRIVATE KEY" },
                @"-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----");
            yield return new CredentialFamily("aws-access-key-id", "an AWS access key id",
                new[] { "AKIA", "ASIA", "ABIA", "ACCA" },
                @"\b(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b");
            yield return new CredentialFamily("github-token", "a GitHub token",
                new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_" },
                @"\b((?<secret>gh[pousr]_[A-Za-z0-9]{36,255})|(?<secret>github_pat_[A-Za-z0-9_]{60,255}))\b", 3.0);
            yield return new CredentialFamily("gitlab-token", "a GitLab token",
                new[] { "glpat-", "gldt-", "glrt-" },
                @"\bgl(pat|dt|rt)-[A-Za-z0-9_\-]{20,}\b", 3.0);
            yield return new CredentialFamily("slack-token", "a Slack token",
                new[] { "xox" },
                @"\bxox[abposr]-[A-Za-z0-9-]{10,}\b", 3.0);
            yield return new CredentialFamily("slack-webhook", "a Slack webhook URL",
                new[] { "hooks.slack.com" },
                @"https://hooks\.slack\.com/(services|workflows)/[A-Za-z0-9_/]+");
            yield return new CredentialFamily("stripe-key", "a Stripe secret key",
                new[] { "sk_live_", "rk_live_", "sk_test_", "rk_test_" },
                @"\b[rs]k_(live|test)_(?<secret>[A-Za-z0-9]{20,})\b", 3.0);
            // Before openai-key, whose looser format also matches sk-ant-...: the first family found names the finding.
            yield return new CredentialFamily("anthropic-key", "an Anthropic API key",
                new[] { "sk-ant-" },
                @"\bsk-ant-[a-z0-9]+-[A-Za-z0-9_\-]{40,}\b", 3.5);
            yield return new CredentialFamily("openai-key", "an OpenAI API key",
                new[] { "sk-" },
                @"\bsk-(proj-|svcacct-|admin-)?(?<secret>[A-Za-z0-9_\-]{32,})\b", 3.5);
            yield return new CredentialFamily("google-api-key", "a Google API key",
                new[] { "AIza" },
                @"\bAIza[0-9A-Za-z_\-]{35}\b");
            yield return new CredentialFamily("sendgrid-key", "a SendGrid API key",
                new[] { "SG." },
                @"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b");
            yield return new CredentialFamily("jwt", "a JSON Web Token",
                new[] { "eyJ" },
                @"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}");
            yield return new CredentialFamily("connection-string-password", "a connection string with a password",
                new[] { "password=", "pwd=", "accountkey=", "sharedaccesskey=" },
                @"(^|;)\s*(Password|Pwd|AccountKey|SharedAccessKey)\s*=\s*(?<secret>[^;\s]{4,})", 0, RegexOptions.IgnoreCase);
            yield return new CredentialFamily("url-credentials", "a URL with a password",
                new[] { "://" },
                @"\b[a-z][a-z0-9+.\-]*://[^/\s:@]+:(?<secret>[^/\s:@]{3,})@[^\s/]+", 0, RegexOptions.IgnoreCase);
            yield return new CredentialFamily("npm-token", "an npm token",
                new[] { "npm_" },
                @"\bnpm_[A-Za-z0-9]{36}\b", 3.0);
            yield return new CredentialFamily("huggingface-token", "a Hugging Face token",
                new[] { "hf_" },
                @"\bhf_[A-Za-z]{34}\b", 3.0);
        }
    }
}
