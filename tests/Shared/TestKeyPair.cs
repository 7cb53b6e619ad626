using System;
using System.Security.Cryptography;

namespace SecretGuard.Testing;

/// <summary>
/// A fresh version 2 key pair made with the BCL alone (docs/formats.md#version-2-public-key-values): the private key as
/// <c>sgkey2_</c> + base64url of the 32-byte scalar, the public key as <c>sgpub2_</c> + base64url of <c>04 || X || Y</c>,
/// the rid as the first 8 hex characters of SHA-256 of the point. Independent of the tool's own key code; one copy,
/// linked into each test project that needs pairs.
/// </summary>
internal sealed class TestKeyPair
{
    private TestKeyPair(string privateText, string publicText, string recipientId)
    {
        PrivateText = privateText;
        PublicText = publicText;
        RecipientId = recipientId;
    }

    public string PrivateText { get; }

    public string PublicText { get; }

    public string RecipientId { get; }

    public static TestKeyPair New()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var point = new byte[65];
        point[0] = 0x04;
        parameters.Q.X!.CopyTo(point, 1);
        parameters.Q.Y!.CopyTo(point, 33);
        var d = new byte[32];
        parameters.D!.CopyTo(d, 32 - parameters.D.Length);
        var rid = Convert.ToHexString(SHA256.HashData(point), 0, 4).ToLowerInvariant();
        return new TestKeyPair("sgkey2_" + Base64Url(d), "sgpub2_" + Base64Url(point), rid);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
