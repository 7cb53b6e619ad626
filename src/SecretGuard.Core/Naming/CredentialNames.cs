using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace SecretGuard.Naming;

/// <summary>
/// Whether a name (a symbol, a parameter, a JSON key, an env key) says it holds a credential: password, secret, token,
/// api key, private key, connection string, ... — unless a word says it holds something about the credential instead
/// (PasswordHash, TokenType, ApiKeyHeader, SecretName, ClientId, ...Url, ...Path). One lexicon for the analyzers and
/// the env-file checks, so both judge a name alike (docs/architecture.md#secretguardcore).
/// </summary>
internal sealed class CredentialNames
{
    /// <summary>How many names' answers a lexicon remembers; beyond that it judges each name again.</summary>
    internal const int MaxRemembered = 20_000;

    private static readonly string[] DefaultSingleWords =
    {
        "password", "passwd", "pwd", "passphrase", "passcode", "secret", "secrets", "token", "apikey", "apikeys", "apitoken",
        "accesstoken", "refreshtoken", "accesskey", "secretkey", "privatekey", "clientsecret", "connectionstring", "connstr",
        "credential", "credentials", "pat", "sas", "signingkey", "masterkey", "encryptionkey", "sharedkey", "accountkey",
        "subscriptionkey", "licensekey", "webhooksecret", "bearer", "authtoken", "sessiontoken", "pin",
    };

    // Two-word phrases where each word alone is too common ("key", "string", "access").
    private static readonly string[][] DefaultPhrases =
    {
        new[] { "api", "key" }, new[] { "access", "key" }, new[] { "secret", "key" }, new[] { "private", "key" },
        new[] { "client", "secret" }, new[] { "connection", "string" }, new[] { "signing", "key" }, new[] { "master", "key" },
        new[] { "encryption", "key" }, new[] { "shared", "key" }, new[] { "account", "key" }, new[] { "subscription", "key" },
        new[] { "license", "key" }, new[] { "access", "token" }, new[] { "auth", "key" }, new[] { "app", "key" },
        new[] { "app", "secret" }, new[] { "consumer", "secret" }, new[] { "hmac", "key" }, new[] { "webhook", "secret" },
        new[] { "conn", "str" }, new[] { "sas", "token" }, new[] { "storage", "key" }, new[] { "primary", "key" },
        new[] { "secondary", "key" }, new[] { "jwt", "key" }, new[] { "aes", "key" }, new[] { "crypto", "key" },
    };

    private static readonly string[] DefaultNonSecretWords =
    {
        "hash", "hashed", "digest", "question", "answer", "hint", "type", "types", "kind", "url", "uri", "urls", "path", "file",
        "filename", "dir", "directory", "name", "names", "id", "ids", "length", "len", "count", "max", "min", "minimum", "maximum",
        "policy", "policies", "format", "pattern", "regex", "prompt", "label", "placeholder", "header", "headers", "endpoint",
        "field", "column", "expiry", "expires", "expiration", "expiresin", "lifetime", "ttl", "timeout", "provider", "providers",
        "required", "enabled", "disabled", "enable", "mask", "masked", "redacted", "public", "claim", "claims", "scheme",
        "version", "cookie", "location", "validator", "validation", "strength", "reset", "changed", "change", "history",
        "requirements", "rules", "complexity", "attempts", "retries", "store", "vault", "reference", "ref", "source", "kid",
        "issuer", "audience", "algorithm", "algorithms", "size", "bits", "encoding", "parameter", "parameters", "key" + "name",
        "mode", "state", "status", "error", "errors", "message", "description", "title", "text", "display", "icon", "style",
        "visible", "visibility", "input", "box", "textbox", "button", "created", "updated", "date", "time", "at", "helper",
        "service", "manager", "factory", "handler", "options", "settings", "config", "configuration", "section", "key" + "s",
        "exists", "is", "has", "can", "should", "needs", "use", "uses", "set", "get", "generator", "length" + "s", "prefix",
        "suffix", "template", "example", "sample", "test", "mock", "fake", "dummy", "salt" + "rounds", "iterations", "cost",
        "category", "categories", "arn", "sql", "query", "command", "statement", "rotation", "cron", "schedule", "interval",
        "period", "duration", "days", "seconds", "minutes", "hours", "route", "link", "button", "caption", "tooltip", "resource",
    };

    // Values that are not credentials themselves but must stay as secret as one: a leaked OTP, session key or salt
    // (and a predictable nonce or IV) defeats the protection. Used by the sensitivity model (SG0004-SG0006), not by
    // SG0002, whose literals under these names are rarely secrets ("salt" constants are SG0003's business).
    private static readonly string[] DefaultSensitiveWords =
    {
        "otp", "totp", "hotp", "mfa", "2fa", "session key", "salt", "nonce", "iv", "signing key", "auth key", "auth code",
        "verification code", "recovery code", "backup code", "reset token", "csrf token", "xsrf token", "cvv", "cvc",
        "pin code", "one time password", "sms code", "login code", "security code", "confirmation code", "activation code", "private key", "key material", "mac key", "hmac key",
    };

    // Words that, after a sensitive word, say the value is about it ("SaltRounds", "NonceSize", "OtpDigits").
    private static readonly string[] DefaultNonSensitiveWords =
    {
        "rounds", "digits", "sent", "verified", "valid", "invalid", "window", "step", "issued", "enabled", "refill", "bucket", "limit",
        "limiter", "rate", "budget",
    };

    // Values that may be shown once made but must be unguessable when made (SG0005, predictable randomness): codes
    // that unlock, reset, recover, pair, invite, redeem or enrol, one-time pads, magic links, challenges, session ids.
    // Not in the sensitivity lexicon of SG0004/SG0006: a coupon code in a log line is no leak.
    private static readonly string[] DefaultUnguessableWords =
    {
        "unlock code", "unlock key", "reset code", "recovery key", "recovery phrase", "pairing code", "pairing key", "invite code",
        "invitation code", "voucher", "voucher code", "coupon", "coupon code", "gift code", "redemption code", "redeem code",
        "enrollment code", "enrolment code", "enrollment key", "enrolment key", "registration code", "access code", "claim code",
        "device code", "user code", "code verifier", "one time pad", "magic link", "login link", "challenge", "session id",
    };

    // Words that, after an unguessable word, say the value is about it ("CouponDiscountPercent", "ChallengeLevel").
    private static readonly string[] DefaultNonUnguessableWords =
    {
        "discount", "percent", "percentage", "amount", "quantity", "price", "balance", "level", "difficulty", "score", "rank", "points",
        "reward", "campaign", "weight",
    };

    // Words that, wherever they stand, say a random value times something (SG0005): "TokenRefreshJitter",
    // "RetryDelayForToken", "ApiKeyRotationBackoff" are delays, not secrets.
    private static readonly string[] TimingWords =
    {
        "jitter", "delay", "delays", "backoff", "retry", "retries", "reminder", "sleep", "wait", "throttle", "cooldown", "stagger", "splay",
        "limiter",
    };

    // Words that say the value was made safe, wherever they stand ("MaskedPassword", "RedactedToken", "HashedOtp"):
    // such a value may be logged. SG0002 keeps its own rule (a literal under such a name is still looked at).
    private static readonly string[] SafeFormWords = { "masked", "redacted", "hashed", "hash", "encrypted", "obfuscated", "sanitized" };

    private readonly ConcurrentDictionary<string, bool> _answers = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
    private readonly HashSet<string> _singleWords;
    private readonly string[][] _phrases;
    private readonly HashSet<string> _nonSecretWords;
    private readonly HashSet<string> _excludedWords = new HashSet<string>(StringComparer.Ordinal);
    private readonly int _minimumLength;
    private readonly bool _sensitivity;
    private readonly bool _unguessable;
    private readonly HashSet<string> _phraseEnds = new HashSet<string>(StringComparer.Ordinal);

    // One word every credential name holds (ignoring case): each single word, and the longest word of each phrase,
    // without the words that hold another of them ("apikey" holds "key"). See MayNameCredentialIn.
    private readonly string[] _stems;

    /// <summary>The built-in lexicon.</summary>
    public static CredentialNames Default { get; } = new CredentialNames(null, null);

    /// <summary>
    /// The built-in sensitivity lexicon: every credential word plus values that must stay as secret as one (otp, mfa,
    /// session key, salt, nonce, iv, signing key, ...), with the same non-secret words (hash, digest, redacted, masked,
    /// question, format, type, length, count, url, path, file, id, ...).
    /// </summary>
    public static CredentialNames DefaultSensitive { get; } = Sensitive(null, null);

    /// <summary>The credential words that only the sensitivity lexicon has, for documentation.</summary>
    public static IEnumerable<string> DefaultSensitiveOnlyWords => DefaultSensitiveWords;

    /// <summary>Creates a lexicon with extra credential words and extra non-secret words (both lower-case or any case).</summary>
    public CredentialNames(IEnumerable<string>? extraSecretWords, IEnumerable<string>? extraNonSecretWords)
        : this(extraSecretWords, extraNonSecretWords, sensitivity: false, unguessable: false)
    {
    }

    private CredentialNames(IEnumerable<string>? extraSecretWords, IEnumerable<string>? extraNonSecretWords, bool sensitivity, bool unguessable)
    {
        _singleWords = new HashSet<string>(DefaultSingleWords, StringComparer.Ordinal);
        _nonSecretWords = new HashSet<string>(DefaultNonSecretWords, StringComparer.Ordinal);
        if (unguessable)
        {
            _nonSecretWords.UnionWith(DefaultNonUnguessableWords);
            extraSecretWords = DefaultUnguessableWords.Concat(extraSecretWords ?? Array.Empty<string>());
        }

        if (sensitivity)
        {
            _nonSecretWords.UnionWith(DefaultNonSensitiveWords);
            extraSecretWords = DefaultSensitiveWords.Concat(extraSecretWords ?? Array.Empty<string>());
        }

        // "iv" is a whole name in the sensitivity lexicon; credential names are at least three characters.
        _minimumLength = sensitivity ? 2 : 3;
        _sensitivity = sensitivity;
        var phrases = new List<string[]>(DefaultPhrases);
        foreach (var word in extraSecretWords ?? Array.Empty<string>())
        {
            var parts = IdentifierWords.Split(word);
            if (parts.Count == 1)
            {
                _singleWords.Add(parts[0]);
            }
            else if (parts.Count > 1)
            {
                phrases.Add(parts.ToArray());
                _singleWords.Add(string.Concat(parts));
            }
        }

        foreach (var word in extraNonSecretWords ?? Array.Empty<string>())
        {
            // A team's own exclusions rule a name out wherever the word stands ("api" excludes "ApiToken" too).
            foreach (var part in IdentifierWords.Split(word))
            {
                _excludedWords.Add(part);
            }
        }

        _phrases = phrases.ToArray();
        _stems = Stems(_singleWords, _phrases);
        _unguessable = unguessable;
        if (unguessable)
        {
            foreach (var phrase in _phrases)
            {
                _phraseEnds.Add(phrase[phrase.Length - 1]);
            }
        }
    }

    /// <summary>
    /// A sensitivity lexicon (<see cref="DefaultSensitive"/>) with a team's extra sensitive words and exclusions.
    /// </summary>
    public static CredentialNames Sensitive(IEnumerable<string>? extraSensitiveWords, IEnumerable<string>? extraNonSecretWords) =>
        new CredentialNames(extraSensitiveWords, extraNonSecretWords, sensitivity: true, unguessable: false);

    /// <summary>
    /// SG0005's lexicon: the sensitivity lexicon plus values that must be unguessable when made (unlock, reset, pairing,
    /// invite, voucher, coupon, redemption and enrolment codes, one-time pads, magic links, challenges, session ids),
    /// plurals of every phrase ("RecoveryCodes", "backup_codes"), and never a name with a timing word (jitter, delay,
    /// backoff, retry, reminder, ...) wherever it stands.
    /// </summary>
    public static CredentialNames Unguessable(IEnumerable<string>? extraSensitiveWords, IEnumerable<string>? extraNonSecretWords) =>
        new CredentialNames(extraSensitiveWords, extraNonSecretWords, sensitivity: true, unguessable: true);

    /// <summary>The built-in lexicon of SG0005 (<see cref="Unguessable"/>).</summary>
    public static CredentialNames DefaultUnguessable { get; } = Unguessable(null, null);

    /// <summary>The words only SG0005's lexicon has, for documentation.</summary>
    public static IEnumerable<string> DefaultUnguessableOnlyWords => DefaultUnguessableWords;

    /// <summary>Whether <paramref name="name"/> names a credential.</summary>
    /// <remarks>
    /// The analyzers ask this for every name a literal or a value meets, and a code base repeats its names: answers
    /// are remembered (a lexicon never changes once built), up to <see cref="MaxRemembered"/> names.
    /// </remarks>
    public bool IsCredentialName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length < _minimumLength)
        {
            return false;
        }

        if (_answers.TryGetValue(name, out var known))
        {
            return known;
        }

        var answer = Judge(name);
        if (_answers.Count < MaxRemembered)
        {
            _answers.TryAdd(name, answer);
        }

        return answer;
    }

    private bool Judge(string name)
    {
        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        // Plurals name collections of credentials: "AllowedApiKeys", "ValidTokens", "Passwords".
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length > 4 && word[word.Length - 1] == 's' && word[word.Length - 2] != 's')
            {
                var singular = word.Substring(0, word.Length - 1);
                if (_singleWords.Contains(singular) || singular == "key")
                {
                    words[i] = singular;
                    continue;
                }
            }
            else if (word == "keys")
            {
                words[i] = "key";
                continue;
            }

            if (_unguessable && word.Length >= 3 && word[word.Length - 1] == 's' && _phraseEnds.Contains(word.Substring(0, word.Length - 1)))
            {
                // "RecoveryCodes", "backup_codes", "SessionIds": the plural of a phrase's last word (SG0005 only).
                words[i] = word.Substring(0, word.Length - 1);
            }
        }

        foreach (var word in words)
        {
            if (_excludedWords.Contains(word) || (_sensitivity && Array.IndexOf(SafeFormWords, word) >= 0) || (_unguessable && Array.IndexOf(TimingWords, word) >= 0))
            {
                return false;
            }
        }

        var credentialAt = FindCredentialWord(words);
        if (credentialAt < 0)
        {
            return false;
        }

        // Only words after the credential word qualify it ("PasswordHash", "TokenType", "ApiKeyHeaderName");
        // words before it describe whose credential it is ("AdminPassword", "GitHubToken").
        for (var i = credentialAt + 1; i < words.Count; i++)
        {
            if (_nonSecretWords.Contains(words[i]))
            {
                return false;
            }
        }

        // "PublicKey", "ClientId" have no credential word; a "public"/"publishable" anywhere before it says the value is meant to be seen.
        for (var i = 0; i < credentialAt; i++)
        {
            if (words[i] == "public" || words[i] == "publishable")
            {
                return false;
            }
        }

        return true;
    }

    // Words that, before "key", make a name a cryptographic key's: AesKey, HmacKey, CipherKey, SessionKey.
    private static readonly string[] CryptoKeyQualifiers =
    {
        "aes", "des", "tripledes", "3des", "rijndael", "hmac", "mac", "cipher", "crypt", "crypto", "encrypt", "decrypt", "encryption",
        "decryption", "blowfish", "twofish", "chacha", "chacha20", "salsa20", "rc2", "rc4", "camellia", "sym", "symmetric", "session", "sign",
        "signing", "jwt", "secret", "master", "private", "shared", "data", "kek", "dek", "wrapping", "derivation", "root",
    };

    // Words of byte values that are not secret although they sit next to a key: salts, IVs, nonces, DPAPI entropy,
    // counters, tags, labels, public keys, formats' prefixes and headers. (Test names are not among them: test projects
    // have their own option, secretguard.test_projects, as for every rule.)
    private static readonly string[] NonSecretMaterialWords =
    {
        "salt", "salts", "iv", "ivs", "nonce", "nonces", "entropy", "vector", "counter", "tweak", "tag", "aad", "label", "info", "context",
        "public", "prefix", "suffix", "header", "magic", "signature", "marker",
    };

    /// <summary>
    /// Whether bytes under <paramref name="name"/> are key material (SG0003): a credential name that holds a key, a secret
    /// or a password (<c>EncryptionKey</c>, <c>HmacSecret</c>, <c>s_masterKey</c>), or <c>key</c> alone or after a
    /// cipher's word (<c>Key</c>, <c>_key</c>, <c>AesKey</c>, <c>SessionKey</c>) — not a salt, an IV, a nonce, a public
    /// key, a key id, a prefix or header, a hash, and not a cache or lookup key (<c>CacheKey</c>, <c>KeyMap</c>).
    /// </summary>
    public bool IsKeyMaterialName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        if (words.Count > 1 && words[0].Length == 1)
        {
            words.RemoveAt(0); // s_key, m_masterKey, k_secret
        }

        if (words.Count == 0 || words.Exists(word => Array.IndexOf(NonSecretMaterialWords, word) >= 0 || _excludedWords.Contains(word)) ||
            CredentialLiterals.HoldsNoLiteralCredential(name!))
        {
            return false;
        }

        var last = words[words.Count - 1];
        if (last == "key" || last == "keys")
        {
            return words.Count == 1 || Array.IndexOf(CryptoKeyQualifiers, words[words.Count - 2]) >= 0 || IsCredentialName(name);
        }

        if (!IsCredentialName(name))
        {
            return false;
        }

        // A credential name that holds a key, a secret or a password; not a token, a PIN or a connection string.
        foreach (var word in words)
        {
            if (word.EndsWith("key", StringComparison.Ordinal) || word.EndsWith("keys", StringComparison.Ordinal) || word.StartsWith("secret", StringComparison.Ordinal) ||
                word.StartsWith("pass", StringComparison.Ordinal) || word == "pwd" || word == "psk")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some credential name may stand in <paramref name="text"/>: a cheap test, before a text is read for
    /// credential-named fields (a JSON literal, a connection string), that never says no to a text holding one. A word of
    /// each credential word or phrase is looked for, ignoring case.
    /// </summary>
    public bool MayNameCredentialIn(string text)
    {
        foreach (var stem in _stems)
        {
            if (text.IndexOf(stem, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Stems(HashSet<string> singleWords, string[][] phrases)
    {
        // A name's words are pieces of its text (lower-cased), and a credential name holds a single word or every word of a
        // phrase: one word of each is enough to look for.
        var candidates = new List<string>(singleWords);
        foreach (var phrase in phrases)
        {
            candidates.Add(phrase.OrderByDescending(word => word.Length).First());
        }

        return candidates
            .Distinct(StringComparer.Ordinal)
            .Where(word => !candidates.Any(other => other.Length < word.Length && word.IndexOf(other, StringComparison.Ordinal) >= 0))
            .OrderBy(word => word, StringComparer.Ordinal)
            .ToArray();
    }

    // The index of the last word that completes a credential word or phrase, or -1.
    private int FindCredentialWord(List<string> words)
    {
        var found = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (_singleWords.Contains(words[i]))
            {
                found = i;
                continue;
            }

            foreach (var phrase in _phrases)
            {
                if (i + 1 >= phrase.Length && EndsWith(words, i, phrase))
                {
                    found = i;
                    break;
                }
            }
        }

        return found;
    }

    private static bool EndsWith(List<string> words, int end, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (words[end - phrase.Length + 1 + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the name's last word says the value is something about a thing rather than the thing: <c>keyId</c>,
    /// <c>apiKeyName</c>, <c>tokenPrefix</c>, <c>passwordLength</c>, <c>expiresAt</c>, <c>maskedValue</c>. Where another
    /// name vouches for a value (a log property's key, a template hole), a value named like this stays what its name says.
    /// </summary>
    public bool NamesSomethingAbout(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        if (words.Count == 0)
        {
            return false;
        }

        var last = words[words.Count - 1];
        if (last.Length > 3 && last[last.Length - 1] == 's' && _nonSecretWords.Contains(last.Substring(0, last.Length - 1)))
        {
            return true;
        }

        return _nonSecretWords.Contains(last) || _excludedWords.Contains(last) || words.Exists(word => Array.IndexOf(SafeFormWords, word) >= 0);
    }

    /// <summary>
    /// Whether the name is a connection string's (<c>ConnectionString</c>, <c>DbConnStr</c>): such a value is a secret only
    /// when it carries a password or key, which the credential catalogue recognises.
    /// </summary>
    public static bool IsConnectionStringName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "connectionstring" || words[i] == "connstr" ||
                (i + 1 < words.Count && (words[i] == "connection" || words[i] == "conn") && (words[i + 1] == "string" || words[i + 1] == "str")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The credential words, for documentation.</summary>
    public static IEnumerable<string> DefaultWords => DefaultSingleWords.Concat(DefaultPhrases.Select(p => string.Join(" ", p)));
}
