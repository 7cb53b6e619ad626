using SecretGuard.Checks;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;

namespace SecretGuard.Tests;

/// <summary>
/// The build's checks read version 2 values (docs/formats.md#version-2-public-key-values): structure always, the curve
/// check included, with no key at hand; with a private key of the environment they decrypt them, so a value that key
/// cannot read is reported. Findings never show a value.
/// </summary>
public sealed class PublicKeyValueCheckTests
{
    // docs/formats.md#known-answer-vectors-version-2 (the recipients are the app key 42698894 and the ops key 56380e02).
    private const string ProdValue = "PROD_ENC:v2:42698894-56380e02:BB8UAUa_sbJR-E9N2-DUzc_Xev2YSpUg41eUAh-DErue7JlaCLH6dwTfPcwLUKlmUmP7dxH5X5-KRJxQluR8iSumiU3C7A4a3tGraoanY-qe_u-QydPIJFhl8axmVIQoQzR9-6gWtbyP54Z4UoQ3pnECDyKryMMGNapIj57zAH5TVpcBNP3JLjUqszd4phwkReugZNoLo8M4sIxkYjrBumf_______________8VenOvZh3cVROUUpV8-Lgz5ZxHH_QX31j3zsrNFZnaA-z2qg";
    private const string OpsPrivate = "sgkey2_QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2A";

    private static string OffCurve()
    {
        Base64Url.TryDecode(ProdValue.Split(':')[3], out var payload);
        payload[64] ^= 0x01;
        return "PROD_ENC:v2:42698894-56380e02:" + Base64Url.Encode(payload);
    }

    [Fact]
    public void Without_a_key_well_formed_values_pass_and_structural_flaws_are_SG1006()
    {
        using var s = new CheckScenario();
        var path = s.Write(".env.prod", "Db__Password_SECRET=" + ProdValue + "\nBROKEN_SECRET=" + OffCurve() + "\nCUT_SECRET=PROD_ENC:v2:42698894:BB8UAUa_sbJR\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "prod", new EnvFileTarget(path, "prod")));

        CheckAssert.Ids(report, DiagnosticIds.Undecryptable, DiagnosticIds.Undecryptable);
        Assert.Contains("BROKEN_SECRET: the ephemeral public key is not a point of P-256", CheckAssert.At(report, DiagnosticIds.Undecryptable, path, 2).Message);
        Assert.Contains("CUT_SECRET: the payload is too short", CheckAssert.At(report, DiagnosticIds.Undecryptable, path, 3).Message);
        CheckAssert.NoLeak(report, "BB8UAUa_sbJR");
    }

    [Fact]
    public void With_a_private_key_of_the_environment_each_value_is_decrypted_and_one_it_cannot_read_is_reported()
    {
        using var s = new CheckScenario();
        s.SetVariable(s.VariableFor("prod"), OpsPrivate);
        var path = s.Write(".env.prod", "Db__Password_SECRET=" + ProdValue + "\nMOVED_SECRET=" + ProdValue + "\n");

        var report = EnvCheckRunner.Run(s.Options(CheckMode.Verify, "prod", new EnvFileTarget(path, "prod")));

        var moved = CheckAssert.Single(report, DiagnosticIds.Undecryptable);
        Assert.Equal(2, moved.Line);
        Assert.Contains("MOVED_SECRET: the value failed authentication", moved.Message);
        CheckAssert.NoLeak(report, "pässwörd", "BB8UAUa_sbJR", "QUJDREVG");
    }
}
