using System;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// What the sensitivity model reads from a name beyond the shared lexicon (<see cref="CredentialNames"/>): a form made
/// safe to show, a number that is a credential, a method that hashes or masks.
/// </summary>
internal static class SensitiveNames
{
    private static readonly string[] SanitizingWords =
    {
        "Sanitized", "Sanitised", "Redacted", "Masked", "Scrubbed", "Obfuscated", "Censored", "Truncated", "UserFacing", "Loggable", "Printable",
    };

    // The last word of a number that is itself a credential: a PIN, a one-time password, a verification or SMS code.
    private static readonly string[] NumericCredentialWords =
    {
        "pin", "pincode", "otp", "totp", "hotp", "passcode", "code", "cvv", "cvc", "password", "pwd", "passwd",
    };

    /// <summary>
    /// Words that say a value was made safe to show: <c>SanitizedUrl</c>, <c>RedactedToken</c>, <c>MaskedApiKey</c>,
    /// <c>UserFacingConnectionString</c> (a connection string with the password taken out). The value is a form of the
    /// secret meant for logs and people; the code that made it is the place to review, not each log call.
    /// </summary>
    public static bool IsSanitized(string name)
    {
        foreach (var word in SanitizingWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a number under <paramref name="name"/> is a credential: the name is sensitive and ends in a PIN, OTP,
    /// code or password word (<c>pin</c>, <c>otp</c>, <c>verificationCode</c>, <c>smsCode</c>, <c>NewPin</c>). Numbers
    /// about a credential (<c>otpAttempts</c>, <c>pinRetries</c>, <c>passwordLength</c>, <c>keySize</c>) are not: the
    /// lexicon's non-secret words already rule them out, and so does a last word that is not a credential's.
    /// </summary>
    public static bool IsNumericCredential(string name, CredentialNames names)
    {
        if (!names.IsCredentialName(name) || IsSanitized(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count == 0)
        {
            return false;
        }

        // "OtpValue", "PinNumber": the number of the credential; "GenerateOtpAsync": a method that gives one.
        var at = words.Count - 1;
        if (at > 0 && words[at] == "async")
        {
            at--;
        }

        if (at > 0 && words[at] is "value" or "number")
        {
            at--;
        }

        var last = words[at];

        return Array.IndexOf(NumericCredentialWords, last) >= 0;
    }

    // The first word of a method that acts on a credential rather than giving one: ChangeUserPassword, ValidatePassword,
    // VerifyApiKey, ResetPasswordAsync, SendPasswordResetEmail, RevokeToken, IsTokenExpired.
    private static readonly string[] ActionVerbs =
    {
        "change", "validate", "verify", "check", "reset", "update", "set", "send", "revoke", "delete", "remove", "is", "has",
        "can", "should", "ensure", "compare", "store", "save", "invalidate", "confirm", "expire", "require",
    };

    /// <summary>
    /// Whether a method named for a credential acts on one (<c>ChangeUserPassword</c>, <c>ValidatePassword</c>,
    /// <c>RevokeToken</c>) rather than returning one (<c>GetApiKey</c>, <c>LoadPassword</c>, <c>GenerateToken</c>).
    /// </summary>
    public static bool ActsOnASecret(string methodName)
    {
        var words = IdentifierWords.Split(methodName);
        return words.Count > 1 && Array.IndexOf(ActionVerbs, words[0]) >= 0;
    }

    /// <summary>Methods whose result is a safe form of their input: a hash, digest, HMAC, signature, encryption, mask or redaction.</summary>
    public static bool IsSafeFormMethod(string name) =>
        name.IndexOf("Hash", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Digest", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name.IndexOf("Redact", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Mask", StringComparison.OrdinalIgnoreCase) >= 0 ||
        name is "Encrypt" or "Protect" or "ComputeHmac" or "Sign";
}
