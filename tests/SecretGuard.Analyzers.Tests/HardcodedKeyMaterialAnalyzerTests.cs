using System.Threading.Tasks;
using Verify = SecretGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<SecretGuard.Analyzers.Rules.HardcodedKeyMaterialAnalyzer>;

namespace SecretGuard.Analyzers.Tests;

public class HardcodedKeyMaterialAnalyzerTests
{
    [Fact]
    public async Task Hardcoded_key_material_reaching_crypto_apis_is_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            class C
            {
                private static readonly byte[] JwtKey = Encoding.UTF8.GetBytes("my-super-secret-jwt-signing-key-123");
                private const string HmacSecret = "webhook-signing-secret";

                void M(byte[] data)
                {
                    var signing = new SymmetricSecurityKey({|SG0003:JwtKey|});
                    using var hmac = new HMACSHA256({|SG0003:Encoding.UTF8.GetBytes(HmacSecret)|});
                    var mac = HMACSHA256.HashData({|SG0003:Convert.FromBase64String("c2VjcmV0LWtleS1ieXRlcw==")|}, data);
                    using var aes = Aes.Create();
                    aes.Key = {|SG0003:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }|};
                    aes.IV = {|SG0003:Convert.FromHexString("000102030405060708090a0b0c0d0e0f")|};
                    var encryptor = aes.CreateEncryptor({|SG0003:"0123456789abcdef0123456789abcdef"u8.ToArray()|}, aes.IV);
                    using var gcm = new AesGcm({|SG0003:"0123456789abcdef0123456789abcdef"u8|}, 16);
                    var local = new byte[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4 };
                    using var chacha = new ChaCha20Poly1305({|SG0003:local|});
                    var derived = Rfc2898DeriveBytes.Pbkdf2({|SG0003:"hardcoded-password"|}, {|SG0003:new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }|}, 100_000, HashAlgorithmName.SHA256, 32);
                    var prk = HKDF.Extract(HashAlgorithmName.SHA256, {|SG0003:Encoding.ASCII.GetBytes("input-key-material")|});
                }
            }
            """);
    }

    [Fact]
    public async Task Keys_from_random_sources_configuration_and_parameters_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;
            using System.Text;
            using SecretGuard;

            class C
            {
                void M(byte[] keyFromCaller, byte[] data)
                {
                    using var hmac = new HMACSHA256(keyFromCaller);
                    using var aes = Aes.Create();
                    aes.Key = RandomNumberGenerator.GetBytes(32);
                    var filled = new byte[32];
                    RandomNumberGenerator.Fill(filled);
                    using var gcm = new AesGcm(filled, 16);
                    var fromSecrets = Convert.FromBase64String(Secrets.Get("AES_KEY_SECRET"));
                    using var other = new HMACSHA512(fromSecrets);
                    var hash = SHA256.HashData(Encoding.UTF8.GetBytes("not a key: a plain hash input"));
                    var salt = RandomNumberGenerator.GetBytes(16);
                    var derived = Rfc2898DeriveBytes.Pbkdf2(Secrets.Get("PASSWORD_SECRET"), salt, 100_000, HashAlgorithmName.SHA256, 32);
                }
            }
            """);
    }
}
