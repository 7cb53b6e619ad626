using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>The sensitivity lexicon of SG0004-SG0006: credential words plus values that must stay as secret as one.</summary>
public class SensitiveNamesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("ApiKey")]
    [InlineData("otp")]
    [InlineData("TotpCode")]
    [InlineData("mfaSecret")]
    [InlineData("MfaCode")]
    [InlineData("sessionKey")]
    [InlineData("salt")]
    [InlineData("passwordSalt")]
    [InlineData("nonce")]
    [InlineData("iv")]
    [InlineData("aesIV")]
    [InlineData("SigningKey")]
    [InlineData("authKey")]
    [InlineData("recovery_code")]
    [InlineData("ResetToken")]
    [InlineData("csrfToken")]
    [InlineData("Nonces")]
    public void Sensitive_words_make_a_name_sensitive(string name) => Assert.True(CredentialNames.DefaultSensitive.IsCredentialName(name));

    [Theory]
    [InlineData("passwordHash")]
    [InlineData("tokenDigest")]
    [InlineData("RedactedToken")]
    [InlineData("maskedPassword")]
    [InlineData("securityQuestion")]
    [InlineData("TokenFormat")]
    [InlineData("tokenType")]
    [InlineData("passwordLength")]
    [InlineData("nonceSize")]
    [InlineData("saltRounds")]
    [InlineData("otpDigits")]
    [InlineData("tokenCount")]
    [InlineData("secretUrl")]
    [InlineData("keyPath")]
    [InlineData("privateKeyFile")]
    [InlineData("sessionId")]
    [InlineData("tokenId")]
    [InlineData("userName")]
    [InlineData("ivory")]
    [InlineData("division")]
    [InlineData("key")]
    [InlineData("i")]
    public void Negative_words_and_unrelated_names_are_not_sensitive(string name) => Assert.False(CredentialNames.DefaultSensitive.IsCredentialName(name));

    [Theory]
    [InlineData("otp")]
    [InlineData("salt")]
    [InlineData("nonce")]
    [InlineData("iv")]
    [InlineData("sessionKey")]
    public void The_credential_lexicon_of_SG0002_is_unchanged(string name) => Assert.False(CredentialNames.Default.IsCredentialName(name));

    [Fact]
    public void A_teams_words_extend_and_exclude()
    {
        var names = CredentialNames.Sensitive(new[] { "badge_code" }, new[] { "otp" });
        Assert.True(names.IsCredentialName("doorBadgeCode"));
        Assert.False(names.IsCredentialName("otp"));
        Assert.True(names.IsCredentialName("password"));
    }
}
