using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0005's fix: the RandomNumberGenerator equivalent the target framework has; Fix All.</summary>
public class UseRandomNumberGeneratorCodeFixTests
{
    [Fact]
    public async Task Net8_Next_NextBytes_GetItems_Shuffle_and_the_token_one_liner_with_Fix_All_and_the_unused_Random_field_goes()
    {
        await new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.Linq;

                class Tokens
                {
                    private static readonly Random Rng = new Random();
                    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

                    public int Otp() => {|SG0005:Rng.Next(100000, 1000000)|};
                    public int Pin => {|SG0005:Random.Shared.Next(10000)|};
                    public string ResetToken() => {|SG0005:Rng.Next()|}.ToString("x8");

                    public byte[] NewSalt()
                    {
                        var salt = new byte[16];
                        {|SG0005:Rng.NextBytes(salt)|};
                        return salt;
                    }

                    public string ApiKey() => new string({|SG0005:Rng.GetItems(Alphabet.ToCharArray(), 32)|});

                    public char[] RecoveryCode()
                    {
                        var code = Alphabet.ToCharArray();
                        {|SG0005:Rng.Shuffle(code)|};
                        return code;
                    }

                    public string SessionToken() => new string(Enumerable.Repeat(Alphabet, 24).Select(s => s[{|SG0005:Rng.Next(s.Length)|}]).ToArray());
                }
                """,
            FixedCode = """
                using System;
                using System.Linq;
                using System.Security.Cryptography;

                class Tokens
                {
                    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

                    public int Otp() => RandomNumberGenerator.GetInt32(100000, 1000000);
                    public int Pin => RandomNumberGenerator.GetInt32(10000);
                    public string ResetToken() => RandomNumberGenerator.GetInt32(int.MaxValue).ToString("x8");

                    public byte[] NewSalt()
                    {
                        var salt = new byte[16];
                        RandomNumberGenerator.Fill(salt);
                        return salt;
                    }

                    public string ApiKey() => new string(RandomNumberGenerator.GetItems<char>(Alphabet.ToCharArray(), 32));

                    public char[] RecoveryCode()
                    {
                        var code = Alphabet.ToCharArray();
                        RandomNumberGenerator.Shuffle<char>(code);
                        return code;
                    }

                    public string SessionToken() => RandomNumberGenerator.GetString(Alphabet, 24);
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task A_Random_local_or_private_field_the_fix_leaves_unused_is_removed_one_still_used_stays()
    {
        await new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider>
        {
            TestCode = """
                using System;

                class Codes
                {
                    private readonly Random _jitter = new Random();

                    private readonly Random _tokens = new Random(Environment.TickCount);

                    public string ResetToken()
                    {
                        var rng = new Random();
                        var resetToken = {|SG0005:rng.Next(100000, 1000000)|};
                        return resetToken.ToString();
                    }

                    public int Otp()
                    {
                        var generator = new Random(42);
                        Pause(generator.Next(10));
                        var otp = {|SG0005:generator.Next(1000000)|};
                        return otp;
                    }

                    public int SessionToken() => {|SG0005:_tokens.Next()|};

                    public int Jitter() => _jitter.Next(50);

                    private static void Pause(int milliseconds) { }
                }
                """,
            FixedCode = """
                using System;
                using System.Security.Cryptography;

                class Codes
                {
                    private readonly Random _jitter = new Random();

                    public string ResetToken()
                    {
                        var resetToken = RandomNumberGenerator.GetInt32(100000, 1000000);
                        return resetToken.ToString();
                    }

                    public int Otp()
                    {
                        var generator = new Random(42);
                        Pause(generator.Next(10));
                        var otp = RandomNumberGenerator.GetInt32(1000000);
                        return otp;
                    }

                    public int SessionToken() => RandomNumberGenerator.GetInt32(int.MaxValue);

                    public int Jitter() => _jitter.Next(50);

                    private static void Pause(int milliseconds) { }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task GetString_GetHexString_span_GetItems_and_a_char_range_draw_are_fixed()
    {
        await new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider>
        {
            TestCode = """
                using System;
                using System.Text;

                class Codes
                {
                    private readonly Net10Random _random = new Net10Random();

                    public string ApiToken() => {|SG0005:_random.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32)|};
                    public string WebhookSecret() => {|SG0005:_random.GetHexString(64, true)|};

                    public string Pin()
                    {
                        Span<char> pin = stackalloc char[6];
                        {|SG0005:_random.GetItems("0123456789".AsSpan(), pin)|};
                        return new string(pin);
                    }

                    public string ActivationCode()
                    {
                        var activationCode = new StringBuilder();
                        for (var i = 0; i < 20; i++)
                        {
                            activationCode.Append((char){|SG0005:_random.Next('A', 'Z' + 1)|});
                        }

                        return activationCode.ToString();
                    }
                }

                // Random.GetString and GetHexString arrive in .NET 10; against .NET 8 a class derived from Random declares them.
                class Net10Random : Random
                {
                    public string GetString(ReadOnlySpan<char> choices, int length) => "";
                    public string GetHexString(int stringLength, bool lowercase = false) => "";
                }
                """,
            FixedCode = """
                using System;
                using System.Security.Cryptography;
                using System.Text;

                class Codes
                {
                    public string ApiToken() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 32);
                    public string WebhookSecret() => RandomNumberGenerator.GetHexString(64, true);

                    public string Pin()
                    {
                        Span<char> pin = stackalloc char[6];
                        RandomNumberGenerator.GetItems<char>("0123456789".AsSpan(), pin);
                        return new string(pin);
                    }

                    public string ActivationCode()
                    {
                        var activationCode = new StringBuilder();
                        for (var i = 0; i < 20; i++)
                        {
                            activationCode.Append((char)RandomNumberGenerator.GetInt32('A', 'Z' + 1));
                        }

                        return activationCode.ToString();
                    }
                }

                // Random.GetString and GetHexString arrive in .NET 10; against .NET 8 a class derived from Random declares them.
                class Net10Random : Random
                {
                    public string GetString(ReadOnlySpan<char> choices, int length) => "";
                    public string GetHexString(int stringLength, bool lowercase = false) => "";
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task No_fix_for_NextInt64_written_into_a_key_buffer()
    {
        const string code = """
            using System;
            using System.Buffers.Binary;

            class Keys
            {
                public byte[] SessionKey(Random random)
                {
                    var key = new byte[32];
                    for (var i = 0; i < 4; i++)
                    {
                        BinaryPrimitives.WriteInt64LittleEndian(key.AsSpan(i * 8), {|SG0005:random.NextInt64()|});
                    }

                    return key;
                }
            }
            """;
        await new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }

    [Fact]
    public async Task No_fix_for_NextInt64_NextDouble_and_NextSingle()
    {
        const string code = """
            using System;

            class Tokens
            {
                public long Nonce(Random rnd) => {|SG0005:rnd.NextInt64()|};
                public string Secret(Random rnd) => {|SG0005:rnd.NextDouble()|}.ToString("R");
                public string Salt(Random rnd) => {|SG0005:rnd.NextSingle()|}.ToString("R");
            }
            """;
        await new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider> { TestCode = code, FixedCode = code }.RunAsync();
    }

    [Fact]
    public async Task NetStandard20_has_no_GetInt32_or_Fill_so_NextBytes_uses_GetBytes_and_Next_is_left()
    {
        var test = new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider>
        {
            ReferenceAssemblies = ReferenceAssemblies.NetStandard.NetStandard20,
            TestCode = """
                using System;

                class Tokens
                {
                    public byte[] NewSalt(Random rnd)
                    {
                        var salt = new byte[16];
                        {|SG0005:rnd.NextBytes(salt)|};
                        return salt;
                    }

                    public int Otp(Random rnd) => {|SG0005:rnd.Next(1000000)|};
                }
                """,
            FixedCode = """
                using System;
                using System.Security.Cryptography;

                class Tokens
                {
                    public byte[] NewSalt(Random rnd)
                    {
                        var salt = new byte[16];
                        RandomNumberGenerator.Create().GetBytes(salt);
                        return salt;
                    }

                    public int Otp(Random rnd) => {|SG0005:rnd.Next(1000000)|};
                }
                """,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        await test.RunAsync();
    }

    [Fact]
    public async Task NetCoreApp31_has_GetInt32_and_Fill()
    {
        var test = new CodeFixTest<InsecureRandomnessAnalyzer, UseRandomNumberGeneratorCodeFixProvider>
        {
            ReferenceAssemblies = ReferenceAssemblies.NetCore.NetCoreApp31,
            TestCode = """
                using System;

                class Tokens
                {
                    public void NewKey(Random rnd, byte[] sessionKey) => {|SG0005:rnd.NextBytes(sessionKey)|};
                    public int Otp(Random rnd) => {|SG0005:rnd.Next(1000000)|};
                }
                """,
            FixedCode = """
                using System;
                using System.Security.Cryptography;

                class Tokens
                {
                    public void NewKey(Random rnd, byte[] sessionKey) => RandomNumberGenerator.Fill(sessionKey);
                    public int Otp(Random rnd) => RandomNumberGenerator.GetInt32(1000000);
                }
                """,
        };
        await test.RunAsync();
    }
}
