using System;
using System.Collections.Generic;

namespace SecretGuard.Naming;

/// <summary>
/// Judges a value found in a credential slot — a literal under a credential name (SG0002), a value under a
/// credential-named key of a configuration file (SG0007), or the password of a connection string, URL or Basic
/// header (SG0001) — and says how much it shows a hardcoded secret. One judge, so the rules agree on what a
/// placeholder is and on what is weak evidence (docs/rules/SG0009.md).
/// </summary>
/// <remarks>
/// <para>No evidence (<see cref="SecretEvidence.None"/>): the value is not a secret (<see cref="ValueShapes.IsNotASecretValue"/>),
/// or the name says the slot never holds one as a literal (<see cref="HoldsNoLiteralCredential"/>).</para>
/// <para>Strong evidence: the value looks generated — long, of two or more kinds of characters, high entropy, not a
/// phrase of words — or it is a password chosen to a policy (eight characters or more, of three kinds or more) in code
/// that is not test data.</para>
/// <para>Everything else is weak evidence: a plain word, a short value, a value that spells a password word or a
/// default (<c>Password123!</c>, <c>P@ssw0rd</c>, <c>admin123</c>), a phrase of words, a GUID, a chosen password in test
/// data.</para>
/// </remarks>
internal static class CredentialLiterals
{
    /// <summary>The shortest value that can look generated.</summary>
    public const int GeneratedMinLength = 16;

    /// <summary>The shortest value that counts as a chosen password.</summary>
    public const int ChosenPasswordMinLength = 8;

    // After folding leet digits and symbols: words that make a value a default or a guess, not a secret someone chose.
    private static readonly string[] DefaultWords =
    {
        "password", "passwd", "passwort", "pass", "pwd", "secret", "token", "admin", "welcome", "letmein", "qwerty", "changeit", "default",
        "guest", "login", "root", "master", "hunter", "iloveyou", "trustno",
    };

    // Words that, anywhere in a name, say the slot holds no plaintext credential: a condition or error named after
    // one (InvalidPassword, WrongToken), an encrypted, hashed or wrapped form (EncryptedPassword, WrappedKey), a digest.
    private static readonly string[] NoLiteralCredentialWords =
    {
        "invalid", "incorrect", "wrong", "bad", "missing", "expired", "mismatch", "mismatched", "weak", "unknown", "forgot", "forgotten",
        "duplicate", "unsupported", "revoked", "encrypted", "protected", "wrapped", "cipher", "ciphertext", "hashed",
        "hash", "salted", "sealed", "obfuscated", "masked", "redacted", "digest", "sha1", "sha256", "sha384", "sha512", "md5", "checksum",
        "fingerprint", "thumbprint",
    };

    // Words that, after the credential word, say the name is a setting's, an option's or a marker's, not a value's.
    private static readonly string[] NameOfSomethingElseWords =
    {
        "option", "flag", "flags", "feature", "toggle", "arg", "args", "argument", "placeholder", "marker", "sentinel", "replacement",
        "css", "selector", "cmd", "shape", "env", "variable", "var", "key" + "word", "label", "caption",
    };

    // Qualifiers that leave "token" as ambiguous as it is alone (a lexer's, a DOM list's, a parser's token).
    private static readonly string[] NeutralQualifiers =
    {
        "current", "next", "prev", "previous", "last", "first", "this", "raw", "parsed", "read", "peek", "end", "start", "open", "close",
        "temp", "tmp", "my", "the", "single", "css", "class", "lexer", "json", "xml", "csv", "sql", "text", "word", "split",
    };

    // Words of type, member or file names that say the value is test data.
    private static readonly string[] TestDataWords =
    {
        "test", "tests", "testing", "fake", "fakes", "dummy", "mock", "mocks", "stub", "stubs", "sample", "samples", "demo", "demos", "seed",
        "seeds", "seeder", "seeding", "fixture", "fixtures", "example", "examples",
    };

    /// <summary>
    /// How much a literal under the credential name <paramref name="name"/> shows a hardcoded secret.
    /// <paramref name="isTestData"/>: the code or file around it is test data (<see cref="NamesTestData"/>).
    /// <paramref name="isFragment"/>: the literal is one piece of a value built at run time (<c>prefix + "..."</c>).
    /// <paramref name="weakBecause"/> says, for weak evidence, why.
    /// <paramref name="isFallback"/>: the literal is what the code uses when the real value is missing
    /// (<c>config["X"] ?? "missing"</c>); a plain word there is a filler, unless it spells a password word or a default.
    /// </summary>
    public static SecretEvidence Judge(string value, string name, bool isTestData, bool isFragment, out string? weakBecause, bool isFallback = false)
    {
        weakBecause = null;
        if (HoldsNoLiteralCredential(name) || ValueShapes.IsNotASecretValue(value, name))
        {
            return SecretEvidence.None;
        }

        var text = value.Trim();
        if (IsPlainWord(text) && IsAmbiguousTokenName(name))
        {
            return SecretEvidence.None; // token == "endobj": a lexer's or a DOM list's token
        }

        var evidence = JudgeValue(text, isTestData, out weakBecause);
        if (isFallback && evidence == SecretEvidence.Weak && IsPlainWord(text) && !SpellsDefaultWord(text))
        {
            weakBecause = null;
            return SecretEvidence.None; // ?? "missing", ?? "local", ?? "development": what the code says when nothing is set
        }

        if (isFragment && evidence == SecretEvidence.Strong && !LooksGenerated(text))
        {
            // One piece of a value made at run time: only a generated-looking piece is strong evidence.
            weakBecause = "one piece of a value built at run time";
            return SecretEvidence.Weak;
        }

        return evidence;
    }

    /// <summary>
    /// How much a password found inside a text (a connection string's <c>Password=</c>, a URL's <c>user:password@</c>,
    /// a Basic header) shows a hardcoded secret: none for a placeholder, the user name again, the key word again
    /// (<c>password=password</c>); otherwise as <see cref="Judge"/> judges a literal.
    /// </summary>
    public static SecretEvidence JudgePassword(string password, string? user, out string? weakBecause)
    {
        weakBecause = null;
        var text = password.Trim();
        if (text.Length == 0 || ValueShapes.IsPlaceholder(text) || ValueShapes.IsBoolean(text) ||
            (user is not null && string.Equals(text, user, StringComparison.OrdinalIgnoreCase)) ||
            CredentialNames.Default.IsCredentialName(text) && IdentifierWords.Split(text).Count <= 2 && !HasDigit(text))
        {
            return SecretEvidence.None;
        }

        return JudgeValue(text, isTestData: false, out weakBecause);
    }

    /// <summary>
    /// Whether a name never holds a literal credential although it has a credential word: a condition or an error
    /// named after one (<c>InvalidPassword</c>), an encrypted, hashed or wrapped form (<c>EncryptedPassword</c>,
    /// <c>TokenSha256</c>), the name of an option, flag or marker (<c>PasswordOption</c>, <c>PASSWORD_REPLACEMENT</c>).
    /// </summary>
    public static bool HoldsNoLiteralCredential(string name)
    {
        var words = IdentifierWords.Split(name);
        var credentialSeen = false;
        foreach (var word in words)
        {
            if (Array.IndexOf(NoLiteralCredentialWords, word) >= 0)
            {
                return true;
            }

            if (credentialSeen && Array.IndexOf(NameOfSomethingElseWords, word) >= 0)
            {
                return true;
            }

            credentialSeen |= CredentialNames.Default.IsCredentialName(word) || word == "key";
        }

        return false;
    }

    /// <summary>
    /// Whether a name (a type's, a member's, a file's) says the code or data around a value is test data
    /// (<c>SeedFunctionalTestsCommand</c>, <c>FakeMailer</c>, <c>appsettings.Testing.json</c>). For the credential's own
    /// name (<paramref name="isCredentialName"/>) a seed is what it holds (<c>WalletSeed</c>), not a sign of test data.
    /// </summary>
    public static bool NamesTestData(string? name, bool isCredentialName = false)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var word in IdentifierWords.Split(name!))
        {
            if (Array.IndexOf(TestDataWords, word) >= 0 && !(isCredentialName && word.StartsWith("seed", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value looks generated: <see cref="GeneratedMinLength"/> characters or more, of two kinds or more
    /// (lower case, upper case, digits, symbols), with a Shannon entropy of 3 bits per character or more, and not a
    /// phrase of words.
    /// </summary>
    public static bool LooksGenerated(string text)
    {
        if (text.Length < GeneratedMinLength || CharacterKinds(text, separatorsAreSymbols: true) < 2 || IsPhrase(text) || text.IndexOf(' ') >= 0)
        {
            return false;
        }

        return Credentials.CredentialCatalogue.ShannonEntropy(text) >= 3.0;
    }

    private static SecretEvidence JudgeValue(string text, bool isTestData, out string? weakBecause)
    {
        if (ValueShapes.IsGuid(text))
        {
            weakBecause = "a GUID, more often an id than a key";
            return SecretEvidence.Weak;
        }

        if (SpellsDefaultWord(text))
        {
            weakBecause = "it spells a password word or a default";
            return SecretEvidence.Weak;
        }

        if (LooksGenerated(text))
        {
            weakBecause = null;
            return SecretEvidence.Strong;
        }

        if (IsPhrase(text))
        {
            weakBecause = "a phrase of words";
            return SecretEvidence.Weak;
        }

        if (text.Length >= ChosenPasswordMinLength && CharacterKinds(text, separatorsAreSymbols: false) >= 3)
        {
            if (!isTestData)
            {
                weakBecause = null;
                return SecretEvidence.Strong;
            }

            weakBecause = "test data";
            return SecretEvidence.Weak;
        }

        weakBecause = IsPlainWord(text) ? "a plain word" : text.Length < ChosenPasswordMinLength ? "a short value" : "it does not look generated";
        return SecretEvidence.Weak;
    }

    // Letters only: "fennel", "Kennwort", "phone".
    private static bool IsPlainWord(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    // "token", "currentToken", "_token": the credential word token with nothing that makes it an authentication token.
    private static bool IsAmbiguousTokenName(string name)
    {
        var words = IdentifierWords.Split(name);
        var found = false;
        foreach (var word in words)
        {
            if (word == "token" || word == "tokens")
            {
                found = true;
            }
            else if (Array.IndexOf(NeutralQualifiers, word) < 0)
            {
                return false;
            }
        }

        return found;
    }

    private static bool SpellsDefaultWord(string text)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            folded[i] = FoldLeet(text[i]);
        }

        var value = new string(folded);
        foreach (var word in DefaultWords)
        {
            if (value.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // P@ssw0rd → password, $ecr3t → secret, adm1n → admin.
    private static char FoldLeet(char c) => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '$' or '5' => 's',
        '7' => 't',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>
    /// Three words or more, as people write them (<c>ThisIsMySuperSecretKey123</c>, <c>correct-horse-battery-staple</c>):
    /// pieces of letters in one case or capitalised (<c>Secret</c>, <c>horse</c>), each of two letters or more, with vowels
    /// and without long runs of consonants, that make up 70 % of the value or more. Random text of 16 characters or
    /// more passes for a phrase less than once in a hundred times.
    /// </summary>
    private static bool IsPhrase(string text)
    {
        var words = 0;
        var wordLetters = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            // One piece: an optional capital and lower-case letters ("Secret", "horse"), or a run of capitals ("USD").
            var start = i;
            if (IsUpper(text[i]))
            {
                i++;
                if (i < text.Length && IsLower(text[i]))
                {
                    while (i < text.Length && IsLower(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    while (i < text.Length && IsUpper(text[i]) && !(i + 1 < text.Length && IsLower(text[i + 1])))
                    {
                        i++;
                    }

                    continue; // capitals: an acronym or noise, never a word here
                }
            }
            else
            {
                while (i < text.Length && IsLower(text[i]))
                {
                    i++;
                }
            }

            if (IsWordLike(text, start, i))
            {
                words++;
                wordLetters += i - start;
            }
        }

        return words >= 3 && wordLetters * 10 >= text.Length * 7;
    }

    // Two letters or more with a vowel in every four, no run of four consonants (three in a short word): "This",
    // "Secret", "Key", not "Zrzx" or "Dhq".
    private static bool IsWordLike(string text, int start, int end)
    {
        var length = end - start;
        if (length < 2)
        {
            return false;
        }

        var vowels = 0;
        var consonants = 0;
        for (var i = start; i < end; i++)
        {
            var c = char.ToLowerInvariant(text[i]);
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y')
            {
                vowels++;
                consonants = 0;
            }
            else if (++consonants >= 4 || (consonants >= 3 && length <= 4))
            {
                return false;
            }
        }

        return vowels > 0 && (length < 4 || vowels * 4 >= length);
    }

    private static bool IsAsciiLetter(char c) => IsUpper(c) || IsLower(c);

    private static bool IsUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';

    // Lower case, upper case, digits, symbols: how many kinds the text has. Without separatorsAreSymbols, the - _ . that
    // join words ("blue-horse-42") are not symbols a password policy asks for.
    private static int CharacterKinds(string text, bool separatorsAreSymbols)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in text)
        {
            if (!separatorsAreSymbols && (c == '-' || c == '_' || c == '.'))
            {
                continue;
            }

            if (c >= 'a' && c <= 'z')
            {
                lower = true;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                upper = true;
            }
            else if (c >= '0' && c <= '9')
            {
                digit = true;
            }
            else
            {
                symbol = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words this judge treats as defaults, for documentation.</summary>
    public static IEnumerable<string> DefaultPasswordWords => DefaultWords;
}
