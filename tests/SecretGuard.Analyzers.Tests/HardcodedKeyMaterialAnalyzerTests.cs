using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;
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

    [Fact]
    public async Task Key_bytes_under_a_key_name_are_reported_at_the_declaration_without_a_crypto_call()
    {
        await Verify.VerifyAsync("""
            using System;

            class C
            {
                private static readonly byte[] EncryptionKey = {|SG0003:{ 0x47, 0x69, 0x2F, 0xF0, 0x2A, 0x76, 0xE4, 0xB9, 0xB2, 0xF4, 0x20, 0xBD, 0x01, 0x3D, 0x85, 0x11 }|};
                private static readonly byte[] Key = {|SG0003:new byte[16] { 0x04, 0xBF, 0x9B, 0xBC, 0x90, 0xF5, 0x00, 0xF5, 0x66, 0x43, 0xC4, 0x65, 0x7C, 0x2A, 0x2E, 0x4D }|};
                private static readonly byte[] s_masterKey = {|SG0003:[171, 243, 237, 200, 238, 44, 115, 152, 196, 126, 169, 192, 102, 143, 195, 151, 19, 187, 69, 111, 73, 69, 26, 138]|};
                private static ReadOnlySpan<byte> HmacSecret => {|SG0003:[0xD2, 0x10, 0x0B, 0x60, 0x52, 0xB9, 0x1E, 0x21, 0x2B, 0x51, 0x1A, 0x4F, 0xB5, 0x01, 0x02, 0x1A, 0x89, 0xDA, 0x69, 0x62, 0x3C, 0x2E, 0x25, 0x77, 0x90, 0x0A, 0x39, 0xFC, 0x1C, 0xED, 0x52, 0x8D]|};
                private static byte[] LicenseSecret { get { return {|SG0003:new byte[] { 0x47, 0x02, 0x43, 0x94, 0x6B, 0x88, 0xAE, 0x9D, 0xE0, 0x29, 0x6E, 0xC7, 0xC3, 0x75, 0x98, 0x2F }|}; } }

                static void M()
                {
                    var aesKey = {|SG0003:new byte[] { 0x7B, 0x48, 0xBD, 0x25, 0x1C, 0xE7, 0x86, 0x3A, 0x15, 0x4A, 0x6C, 0x40, 0x6D, 0x24, 0xBC, 0x95 }|};
                    Span<byte> sessionKey = {|SG0003:stackalloc byte[] { 0x94, 0x9C, 0xBC, 0x8F, 0x56, 0x1D, 0x00, 0xFA, 0xDE, 0x76, 0x05, 0xF7, 0x65, 0x8A, 0x5E, 0x94 }|};
                }
            }
            """);
    }

    [Fact]
    public async Task Bytes_that_are_no_key_or_under_names_of_no_secret_are_not_reported()
    {
        await Verify.VerifyAsync("""
            using System;
            using System.Security.Cryptography;

            class C
            {
                // A key's name, but no key: sequential, zero, a repeated block, a constant step, too short, no key size.
                private static readonly byte[] Key = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
                private static readonly byte[] EncryptionKey = new byte[16] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
                private static readonly byte[] HmacKey = { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4 };
                private static readonly byte[] AesKey = { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0, 0xB0, 0xC0, 0xD0, 0xE0, 0xF0, 0x00 };
                private static readonly byte[] SecretKey = { 0x3C, 0x91, 0x07, 0xE2, 0x5A, 0xD4, 0x18, 0x6F };
                private static readonly byte[] SigningKey = { 0x1B, 0x09, 0x0D, 0x20, 0x08, 0x7F, 0x25, 0x26, 0x27, 0x28, 0x2D, 0x2E, 0x24, 0x23, 0x21, 0x22, 0x70, 0x71, 0x72, 0x73 };
                private static readonly byte[] HexKey = { 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66 };
                private readonly byte[] _signingKey = new byte[32];

                // Random bytes of a key's size under names that hold no secret: a salt, an IV, a public key, a key id, a cache key.
                private static readonly byte[] PasswordSalt = { 0x5E, 0xC1, 0x38, 0x0F, 0x9A, 0x72, 0xD6, 0x4B, 0xE3, 0x17, 0x88, 0x2C, 0xB0, 0x6D, 0xF9, 0x41 };
                private static readonly byte[] LegacyIv = { 0x0D, 0x8E, 0x43, 0xA9, 0x71, 0x2B, 0xF4, 0x16, 0xC8, 0x5D, 0x90, 0x3A, 0xE7, 0x62, 0x1F, 0xB5 };
                private static readonly byte[] SigningPublicKey = { 0x8C, 0x1F, 0x72, 0xD5, 0x3A, 0x96, 0x0E, 0xB4, 0x67, 0xC2, 0x49, 0xFD, 0x15, 0x88, 0xE0, 0x3B };
                private static readonly byte[] KeyId = { 0x6F, 0x21, 0xB8, 0x4C, 0x93, 0x0A, 0xE5, 0x37, 0xD2, 0x7E, 0x19, 0xA4, 0x5B, 0xC6, 0x08, 0xF1 };
                private static readonly byte[] CacheKey = { 0x2D, 0x94, 0x5F, 0xE0, 0x7B, 0x13, 0xC8, 0x66, 0xA1, 0x3E, 0xD9, 0x05, 0x8C, 0x72, 0xBF, 0x40 };
                private static readonly byte[] ApiKeySha256 = { 0xB3, 0x4E, 0x91, 0x0A, 0x6D, 0xF2, 0x27, 0xC8, 0x5B, 0x13, 0xE6, 0x79, 0x0F, 0xA4, 0xD1, 0x38 };
                private static readonly byte[] Ed25519PrivateKeyPrefix = { 0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20 };

                static byte[] NewSessionKey()
                {
                    var sessionKey = new byte[] { 0x94, 0x9C, 0xBC, 0x8F, 0x56, 0x1D, 0x00, 0xFA, 0xDE, 0x76, 0x05, 0xF7, 0x65, 0x8A, 0x5E, 0x94 };
                    RandomNumberGenerator.Fill(sessionKey);
                    return sessionKey;
                }
            }
            """);
    }

    [Fact]
    public async Task Key_bytes_reported_at_their_declaration_are_not_reported_again_where_a_crypto_api_uses_them()
    {
        await Verify.VerifyAsync("""
            using System.Security.Cryptography;

            class C
            {
                private static readonly byte[] SigningKey = {|SG0003:{ 0x47, 0x69, 0x2F, 0xF0, 0x2A, 0x76, 0xE4, 0xB9, 0xB2, 0xF4, 0x20, 0xBD, 0x01, 0x3D, 0x85, 0x11 }|};
                private static readonly byte[] Legacy = { 0x04, 0xBF, 0x9B, 0xBC, 0x90, 0xF5, 0x00, 0xF5, 0x66, 0x43, 0xC4, 0x65, 0x7C, 0x2A, 0x2E, 0x4D };

                static byte[] Sign(byte[] data)
                {
                    using var hmac = new HMACSHA256(SigningKey);
                    var local = SigningKey;
                    using var other = new HMACSHA256(local);
                    return HMACSHA256.HashData({|SG0003:Legacy|}, data);
                }
            }
            """);
    }

    [Fact]
    public async Task The_fix_moves_declared_key_bytes_to_the_env_file_as_base64()
    {
        var test = new CodeFixTest<HardcodedKeyMaterialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                class LicenceCodec
                {
                    private static readonly byte[] EncryptionKey = {|SG0003:new byte[] { 0x47, 0x69, 0x2F, 0xF0, 0x2A, 0x76, 0xE4, 0xB9, 0xB2, 0xF4, 0x20, 0xBD, 0x01, 0x3D, 0x85, 0x11 }|};
                }
                """,
            FixedCode = """
                using SecretGuard;

                class LicenceCodec
                {
                    private static byte[] EncryptionKey => System.Convert.FromBase64String(Secrets.Get("ENCRYPTION_KEY_SECRET"));
                }
                """,
        }.WithEnvFile(string.Empty, "ENCRYPTION_KEY_SECRET=R2kv8Cp25Lmy9CC9AT2FEQ==\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task Key_bytes_follow_the_test_project_option_and_the_name_options()
    {
        const string Source = """
            class C
            {
                private static readonly byte[] TestEncryptionKey = {|#0:{ 0x47, 0x69, 0x2F, 0xF0, 0x2A, 0x76, 0xE4, 0xB9, 0xB2, 0xF4, 0x20, 0xBD, 0x01, 0x3D, 0x85, 0x11 }|};
            }
            """;
        var found = new DiagnosticResult("SG0003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("'TestEncryptionKey' (16 constant bytes)");
        await Verify.VerifyAsync(Source, null, found);
        await Verify.VerifyAsync(Source, "build_property.IsTestProject = true", found.WithSeverity(DiagnosticSeverity.Info));
        await Verify.VerifyAsync(Source, "build_property.IsTestProject = true\nsecretguard.test_projects = off");
        await Verify.VerifyAsync(Source, "secretguard.excluded_name_words = test");
    }
}
