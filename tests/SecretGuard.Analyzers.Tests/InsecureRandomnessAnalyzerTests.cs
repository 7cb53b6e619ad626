using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0005: every form of System.Random, every method, every sensitive target and flow step, and what stays quiet.</summary>
public class InsecureRandomnessAnalyzerTests
{
    private static string InMethod(string body, string members = "") => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading;

        class Service
        {
            private static readonly Random Rng = new Random();
            private readonly Random _random;

            public Service(Random random) { _random = random; }

            public string ApiKey { get; set; }
            public byte[] SessionKey { get; set; }
            public int Score { get; set; }

            void Run(Random injected, Random rnd, char[] chars, string alphabet, int[] cards, List<string> quotes, byte[] buffer, string password, Aes aes)
            {
        {{body}}
            }

            static void Use(string otp) { }
            static void Show(string text) { }
        {{members}}
        }
        """;

    private static Task Verify(string body, string members = "", string? editorConfig = null) =>
        AnalyzerVerifier<InsecureRandomnessAnalyzer>.VerifyAsync(InMethod(body, members), editorConfig);

    // ---- Every form of System.Random ----

    [Theory]
    [InlineData("var token = {|SG0005:new Random().Next()|};")]
    [InlineData("var token = {|SG0005:new Random(42).Next()|};")]
    [InlineData("var token = {|SG0005:Random.Shared.Next()|};")]
    [InlineData("var token = {|SG0005:_random.Next()|};")]
    [InlineData("var token = {|SG0005:injected.Next()|};")]
    [InlineData("var token = {|SG0005:Rng.Next()|};")]
    [InlineData("var r = new Random(); var token = {|SG0005:r.Next()|};")]
    public Task Every_form_of_Random(string body) => Verify(body);

    [Fact]
    public Task A_class_derived_from_Random() => Verify("var token = {|SG0005:new MyRandom().Next()|};", "class MyRandom : Random { }");

    // ---- Every method ----

    [Theory]
    [InlineData("var otp = {|SG0005:rnd.Next(100000, 1000000)|};")]
    [InlineData("var nonce = {|SG0005:rnd.NextInt64()|};")]
    [InlineData("var secret = {|SG0005:rnd.NextDouble()|}.ToString();")]
    [InlineData("var secret = {|SG0005:rnd.NextSingle()|};")]
    [InlineData("var salt = new byte[16]; {|SG0005:rnd.NextBytes(salt)|};")]
    [InlineData("var key = new byte[32]; {|SG0005:rnd.NextBytes(key)|}; aes.Key = key;")]
    [InlineData("Span<byte> iv = stackalloc byte[16]; {|SG0005:rnd.NextBytes(iv)|};")]
    [InlineData("var newPassword = new string({|SG0005:rnd.GetItems(chars, 12)|});")]
    [InlineData("var recoveryCode = (char[])chars.Clone(); {|SG0005:rnd.Shuffle(recoveryCode)|};")]
    public Task Every_method(string body) => Verify(body);

    // ---- Sensitive targets ----

    [Theory]
    [InlineData("var apiToken = {|SG0005:rnd.Next()|}.ToString(\"x8\");")]
    [InlineData("string sessionKey; sessionKey = {|SG0005:rnd.Next()|}.ToString();")]
    [InlineData("ApiKey = {|SG0005:rnd.Next()|}.ToString();")]
    [InlineData("Use({|SG0005:rnd.Next(1000000)|}.ToString(\"D6\"));")]
    [InlineData("Use(otp: $\"{{|SG0005:rnd.Next(1000000)|}:D6}\");")]
    [InlineData("aes.IV = Bytes({|SG0005:rnd.Next()|});")]
    [InlineData("var bytes = new byte[16]; {|SG0005:rnd.NextBytes(bytes)|}; var derived = Rfc2898DeriveBytes.Pbkdf2(password, bytes, 100000, HashAlgorithmName.SHA256, 32);")]
    [InlineData("var c = chars[{|SG0005:rnd.Next(chars.Length)|}];")]
    [InlineData("var c = alphabet[{|SG0005:rnd.Next(alphabet.Length)|}];")]
    public Task Sensitive_names_crypto_inputs_and_character_sets(string body) => Verify(body, "static byte[] Bytes(int seed) => BitConverter.GetBytes(seed);");

    [Fact]
    public Task The_return_of_a_method_with_a_sensitive_name() => Verify(
        "",
        """
        private static readonly Random Generator = new Random();
        static string GenerateResetToken() => {|SG0005:Generator.Next()|}.ToString("x8");
        static string NewSalt() { var n = {|SG0005:Generator.NextInt64()|}; return n.ToString(); }
        string Password => {|SG0005:Generator.Next()|}.ToString();
        """);

    // ---- Flow ----

    [Theory]
    [InlineData("var n = {|SG0005:rnd.Next(1000000)|}; var otpCode = n.ToString(\"D6\");")]
    [InlineData("var n = {|SG0005:rnd.Next()|}; var m = n + 1; var text = $\"{m}\"; var resetToken = text;")]
    [InlineData("var sb = new StringBuilder(); sb.Append({|SG0005:rnd.Next(10)|}); var pin = sb.ToString();")]
    [InlineData("var digits = new List<int>(); digits.Add({|SG0005:rnd.Next(10)|}); var pin = string.Join(\"\", digits);")]
    [InlineData("var bytes = new byte[16]; for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte){|SG0005:rnd.Next(256)|}; aes.Key = bytes;")]
    [InlineData("var pin = string.Concat(Enumerable.Range(0, 6).Select(_ => {|SG0005:rnd.Next(10)|}));")]
    [InlineData("var token = new string(Enumerable.Repeat(alphabet, 16).Select(s => s[{|SG0005:rnd.Next(s.Length)|}]).ToArray());")]
    [InlineData("var value = Convert.ToBase64String(BitConverter.GetBytes({|SG0005:rnd.NextInt64()|})); var apiKey = value;")]
    public Task Values_flow_to_the_sensitive_target(string body) => Verify(body);

    // ---- Not reported ----

    [Theory]
    [InlineData("var roll = rnd.Next(1, 7);")]
    [InlineData("Score += rnd.Next(10);")]
    [InlineData("Thread.Sleep(rnd.Next(100, 500));")]
    [InlineData("var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, 3) + rnd.Next(0, 100));")]
    [InlineData("if (rnd.NextDouble() < 0.1) Show(\"sampled\");")]
    [InlineData("rnd.Shuffle(cards);")]
    [InlineData("Show(quotes[rnd.Next(quotes.Count)]);")]
    [InlineData("var colors = new[] { \"red\", \"green\" }; var color = colors[rnd.Next(colors.Length)];")]
    [InlineData("var saltRounds = rnd.Next(10, 12);")]
    [InlineData("var tokenCount = rnd.Next(5);")]
    [InlineData("var noise = new byte[64]; rnd.NextBytes(noise); Show(noise.Length.ToString());")]
    [InlineData("var id = rnd.Next(); var passwordLength = rnd.Next(8, 16);")]
    [InlineData("var key = RandomNumberGenerator.GetInt32(10); var token = RandomNumberGenerator.GetBytes(32);")]
    [InlineData("var r = new Random(); var apiKey = \"x\";")]
    public Task Games_jitter_sampling_and_UI_shuffles_are_not_reported(string body) => Verify(body);

    [Fact]
    public Task Report_all_uses_option_reports_every_use() => Verify(
        "var roll = {|SG0005:rnd.Next(1, 7)|}; {|SG0005:rnd.Shuffle(cards)|};",
        editorConfig: "secretguard.SG0005.report_all_uses = true");

    [Fact]
    public Task Report_all_uses_false_keeps_the_default() => Verify(
        "var roll = rnd.Next(1, 7);",
        editorConfig: "secretguard.SG0005.report_all_uses = false");

    [Fact]
    public async Task A_bad_report_all_uses_value_is_SG0008()
    {
        var test = new AnalyzerVerifier<OptionsAnalyzer>.Test
        {
            TestState =
            {
                Sources = { "class A { }" },
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n[*]\nsecretguard.SG0005.report_all_uses = yes\n") },
            },
        };
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<OptionsAnalyzer, DefaultVerifier>.Diagnostic("SG0008")
            .WithArguments("secretguard.SG0005.report_all_uses", "'yes' is not true or false"));
        await test.RunAsync();
    }

    [Fact]
    public Task The_message_names_the_method_and_what_it_produces() =>
        AnalyzerVerifier<InsecureRandomnessAnalyzer>.VerifyAsync(
            InMethod("var otp = rnd.Next(1000000);"),
            null,
            CSharpAnalyzerVerifier<InsecureRandomnessAnalyzer, DefaultVerifier>.Diagnostic("SG0005").WithSpan("/0/Test1.cs", 21, 11, 21, 28).WithArguments("Next", "the value of 'otp'"));
}
