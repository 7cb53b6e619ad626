using System.Text.RegularExpressions;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.EndToEnd;

/// <summary>Encrypts and decrypts test data with the runtime library, independently of the build under test.</summary>
internal static class TestCrypto
{
    public static readonly Regex Ciphertext = new(@"[A-Z][A-Z0-9]*_ENC:v1:[0-9a-f]{8}:[A-Za-z0-9_-]+");

    public static KeyRing Ring(string environment, string masterBase64) =>
        new(environment, KeyDerivation.Derive(MasterKey.FromBase64(masterBase64, "test"), environment), null, "test");

    public static string Encrypt(string environment, string masterBase64, string keyName, string plaintext) =>
        SecretCipher.Encrypt(Ring(environment, masterBase64).Current!, keyName, plaintext);

    public static string Decrypt(string environment, string masterBase64, string keyName, string value) =>
        SecretCipher.Decrypt(value, keyName, Ring(environment, masterBase64));

    public static string Mask(string text) => Ciphertext.Replace(text, "<ENC>");
}
