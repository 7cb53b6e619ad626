using System;
using SecretGuard.Credentials;
using SecretGuard.Naming;

namespace SecretGuard.Tests;

/// <summary>
/// The one judge of values in credential slots (SG0001's passwords, SG0002, SG0007): what is no secret at all, what is
/// weak evidence (SG0009, IDE only) and what is strong evidence (a warning, an error in CI).
/// </summary>
public class CredentialLiteralsTests
{
    [Theory]
    // placeholders and fillers
    [InlineData("TEST", "ApiKey")]
    [InlineData("pass", "password")]
    [InlineData("fake", "token")]
    [InlineData("random", "Secret")]
    [InlineData("none", "ProxyPassword")]
    [InlineData("not-a-real-secret", "SigningSecret")]
    [InlineData("XXXX-XXXX", "SupportPin")]
    [InlineData("AAAA-AAAA-AAAA-AAAA", "LicenseKey")]
    [InlineData("123456", "KioskPassword")]
    [InlineData("qwerty123", "SandboxPassword")]
    [InlineData("abcd1234", "StubToken")]
    [InlineData("<your token>", "BearerToken")]
    [InlineData("fake-signing-token", "ApiToken")]
    [InlineData("fakeSigningValue1", "WebhookSecret")]
    [InlineData("obfuscated", "ClientSecret")]
    // templates
    [InlineData("${DB_PASSWORD}", "Password")]
    [InlineData("$(SigningPassword)", "Password")]
    [InlineData("{{ .Values.password }}", "Password")]
    [InlineData("#{Database.Password}", "Password")]
    [InlineData("%SERVICE_PASSWORD%", "Password")]
    [InlineData("|||%%STORED_PASSWORD%%|||", "PasswordMarker")]
    [InlineData("var.db_password", "Password")]
    [InlineData("env.NUGET_API_KEY", "Token")]
    // booleans
    [InlineData("true", "ApiKey")]
    [InlineData("false", "RequirePassword")]
    // values that are not secrets
    [InlineData("$2b$12$KIXQ4mM1Zq8ZsEo3Qb3y7eY1q6r9kWc5bYl2n8TfGq3uHc0mVd1aS", "Password")]
    [InlineData("AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAq0Z0y2t1kUmPq3Zq4c8bYQ", "SavedPassword")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----", "SigningKey")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----", "PrivateKey")]
    [InlineData("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAElWBooq+nQT4wEzOskJf6m3OLEK1ZUdcTCSvjGbglmQUfxKJfJhd1FEcSaDL5ZIRTt8bXxNCir9bIPC+hw+bo9u==", "SigningKey")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq2m9V0X6Kq3Zt7bY8c1uW4pJ5sN0rL2eD9fG6hT1xA deploy@ci", "DeployKey")]
    [InlineData("JBSWY3DPEHPK3PXP", "TotpSecret")]
    // text that is not a value
    [InlineData("public string Password => _options.Password;", "PasswordAccessor")]
    [InlineData("echo $REGISTRY_PASSWORD | docker login -u ci --password-stdin registry.contoso.io", "PasswordCmd")]
    [InlineData("form-control password-input is-invalid", "PasswordCss")]
    [InlineData("^[A-Fa-f0-9]{32}$", "ApiKeyShape")]
    [InlineData("[WRN] token refresh failed: 401 from identity provider", "TokenRefreshFailed")]
    [InlineData("https://auth.contoso.io/oauth2/token", "Token")]
    [InlineData("ldap-01.corp.contoso.com:636", "PasswordServer")]
    [InlineData("msal_token_cache_v2.bin", "TokenCache")]
    [InlineData("whsec_", "secret")]
    [InlineData("jwt:", "token")]
    // names
    [InlineData("X-Api-Key", "ApiKey")]
    [InlineData("--password", "PasswordOption")]
    [InlineData("s3-password", "S3Password")]
    [InlineData("new-token-format-v2", "NewTokenFormat")]
    [InlineData("phone", "_phoneToken")]
    [InlineData("28000", "InvalidPassword")]
    [InlineData("AUTH-1042", "WrongPassword")]
    [InlineData("Kq7!vR2mZx9#Lp4w", "EncryptedPassword")]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "TokenSha256")]
    [InlineData("endobj", "token")]
    public void Not_a_secret_is_no_evidence(string value, string name)
    {
        Assert.Equal(SecretEvidence.None, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out _));
    }

    [Theory]
    [InlineData("fennel", "Password", "a plain word")]
    [InlineData("vortex5678", "Password", "it does not look generated")]
    [InlineData("k9x2", "ApiKey", "a short value")]
    [InlineData("Password123!", "orgAdminPassword", "it spells a password word or a default")]
    [InlineData("P@ssw0rd", "password", "it spells a password word or a default")]
    [InlineData("Welcome2024!", "AdminPassword", "it spells a password word or a default")]
    [InlineData("S0m3L0ngT0k3nV4lue", "AppToken", "it spells a password word or a default")]
    [InlineData("ThisIsMyVeryLongJwtSigningKey2024", "SigningKey", "a phrase of words")]
    [InlineData("7d9f3c1e-2b4a-4e8d-9f6c-0a1b2c3d4e5f", "PartnerApiKey", "a GUID, more often an id than a key")]
    [InlineData("hunter2", "password", "it spells a password word or a default")]
    [InlineData("Kx9q", "ApiKey", "a short value")]
    [InlineData("blue-horse-42", "passphrase", "it does not look generated")]
    public void Weak_evidence_says_why(string value, string name, string because)
    {
        Assert.Equal(SecretEvidence.Weak, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out var weakBecause));
        Assert.Equal(because, weakBecause);
    }

    [Theory]
    [InlineData("95d59ae5e21712c8148e24ba31764c5c", "ApiKey")]
    [InlineData("VCqUjkkkf0WkvjBKcBNBI2E8E1fk8ucB", "WebhookSecret")]
    [InlineData("6CxXWdDkvFuSMQXzgaGjfuTp5klLLaFiYtRQPUV8XUo=", "SecretKey")]
    [InlineData("]q.7#TW!nzDUpLvY", "DefaultPassword")]
    [InlineData("Velvet~Marble6533", "SmtpPassword")]
    [InlineData("Meadow2023*", "PgpPassphrase")]
    [InlineData("Lantern-Cobalt7998", "Password")]
    public void A_generated_value_or_a_policy_password_is_strong_evidence(string value, string name)
    {
        Assert.Equal(SecretEvidence.Strong, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out _));
    }

    [Fact]
    public void Test_data_weakens_a_chosen_password_but_not_a_generated_value()
    {
        Assert.Equal(SecretEvidence.Weak, CredentialLiterals.Judge("Harbor#2291x", "TestUserPassword", isTestData: true, isFragment: false, out var because));
        Assert.Equal("test data", because);
        Assert.Equal(SecretEvidence.Strong, CredentialLiterals.Judge("rRdq~8Xboc*EPbrFjQ", "StagingPassword", isTestData: true, isFragment: false, out _));
        Assert.True(CredentialLiterals.NamesTestData("SeedFunctionalTestsCommand"));
        Assert.True(CredentialLiterals.NamesTestData("appsettings.Testing.json"));
        Assert.False(CredentialLiterals.NamesTestData("WalletSeed", isCredentialName: true));
    }

    [Theory]
    [InlineData("missing", "ArchivePassword", "None")]
    [InlineData("development", "ReportingApiKey", "None")]
    [InlineData("postgres", "DatabasePassword", "None")]
    [InlineData("admin", "BrokerPassword", "Weak")]
    [InlineData("supersecret", "JwtSecret", "Weak")]
    [InlineData("postgres123", "DatabasePassword", "Weak")]
    [InlineData("Granite2023%", "SmtpPassword", "Strong")]
    public void In_a_fallback_a_plain_word_is_a_filler_unless_it_spells_a_default(string value, string name, string expected)
    {
        Assert.Equal(expected, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out _, isFallback: true).ToString());
        Assert.NotEqual(SecretEvidence.None, CredentialLiterals.Judge(value, name, isTestData: false, isFragment: false, out _));
    }

    [Fact]
    public void A_piece_of_a_value_built_at_run_time_is_strong_only_if_it_looks_generated()
    {
        Assert.Equal(SecretEvidence.Weak, CredentialLiterals.Judge("Kq7!vR2m", "password", isTestData: false, isFragment: true, out var because));
        Assert.Equal("one piece of a value built at run time", because);
        Assert.Equal(SecretEvidence.Strong, CredentialLiterals.Judge("hT4!x9Qm2vLw8KpZ", "password", isTestData: false, isFragment: true, out _));
    }

    [Theory]
    [InlineData("password", null, "None")]
    [InlineData("test", null, "None")]
    [InlineData("shop", "shop", "None")]
    [InlineData("${DB_PASSWORD}", null, "None")]
    [InlineData("welcome1", null, "Weak")]
    [InlineData("orders2024", "orders", "Weak")]
    [InlineData("Tq8#vLm2xR4w", "orders_app", "Strong")]
    public void A_password_inside_a_connection_string_is_judged_alike(string password, string? user, string expected)
    {
        Assert.Equal(expected, CredentialLiterals.JudgePassword(password, user, out _).ToString());
    }

    [Theory]
    [InlineData("Server=db;Database=app;User Id=sa;Password=Tq8#vLm2xR4w;", "Strong")]
    [InlineData("Server=db;Database=app;User Id=sa;Password=welcome1;", "Weak")]
    [InlineData("Server=db;Database=app;User Id=shop;Password=shop;", null)]
    [InlineData("Default credentials are: username=admin, password=admin.<br>Change them after the first login.", null)]
    [InlineData("The database, for example: Host=db;Username=app;Password=Kq7!vR2m", null)]
    [InlineData("file://C:\\data\\orders@archive", null)]
    [InlineData("https://svc:fennel2@bus.contoso.io", "Weak")]
    [InlineData("Server=localhost;Port=14330;Database=orders;User=sa;Password=Tq8#vLm2xR4w", "Weak")]
    [InlineData("Data Source=(localdb)\\mssqllocaldb;User Id=app;Password=Tq8#vLm2xR4w", "Weak")]
    [InlineData("postgres://app:Tq8vLm2xR4w@localhost:5432/orders", "Weak")]
    [InlineData("postgres://app:Tq8vLm2xR4w@pg.contoso.io:5432/orders", "Strong")]
    public void The_catalogue_uses_the_same_judge_for_passwords(string text, string? expected)
    {
        var match = CredentialCatalogue.Default.Find(text);
        Assert.Equal(expected, match?.Evidence.ToString());
    }

    [Fact]
    public void A_strong_match_wins_over_a_weak_one_in_the_same_text()
    {
        var match = CredentialCatalogue.Default.Find("Password=welcome1;AccountKey=Tq8#vLm2xR4wZk9!pQ");
        Assert.NotNull(match);
        Assert.Equal(SecretEvidence.Strong, match!.Evidence);
    }

    [Fact]
    public void Random_text_is_rarely_taken_for_a_phrase()
    {
        var random = new Random(14);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var weak = 0;
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[32];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            if (CredentialLiterals.Judge(new string(chars), "ApiKey", isTestData: false, isFragment: false, out _) != SecretEvidence.Strong)
            {
                weak++;
            }
        }

        Assert.True(weak <= 10, weak + " of 2000 random 32-character keys were not strong evidence");
    }
}
