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
    [InlineData("var secret = {|SG0005:rnd.NextSingle()|}.ToString();")]
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

    // ---- Security-code vocabulary (SG0005's own lexicon) ----

    [Theory]
    [InlineData("var unlockCode = {|SG0005:rnd.Next(10000000, 99999999)|}.ToString();")]
    [InlineData("var resetCode = {|SG0005:rnd.Next(1000000)|}.ToString(\"D6\");")]
    [InlineData("var pairingCode = {|SG0005:rnd.Next(1000000)|};")]
    [InlineData("var inviteCode = {|SG0005:rnd.Next()|}.ToString(\"x8\");")]
    [InlineData("var voucher = {|SG0005:rnd.NextInt64()|}.ToString();")]
    [InlineData("var couponCode = {|SG0005:rnd.Next()|}.ToString(\"X\");")]
    [InlineData("var redemptionCode = {|SG0005:rnd.NextInt64()|}.ToString();")]
    [InlineData("var enrollmentCode = {|SG0005:rnd.Next()|}.ToString();")]
    [InlineData("var enrolmentCode = {|SG0005:rnd.Next()|}.ToString();")]
    [InlineData("var oneTimePad = new byte[64]; {|SG0005:rnd.NextBytes(oneTimePad)|};")]
    [InlineData("var magicLink = \"https://example.com/login?k=\" + {|SG0005:rnd.Next()|};")]
    [InlineData("var challenge = new byte[32]; {|SG0005:rnd.NextBytes(challenge)|};")]
    [InlineData("var recoveryCodes = new List<string>(); recoveryCodes.Add({|SG0005:rnd.Next()|}.ToString());")]
    [InlineData("var backup_codes = Enumerable.Range(0, 8).Select(_ => {|SG0005:rnd.Next()|}.ToString()).ToArray();")]
    public Task Security_codes_that_must_be_unguessable(string body) => Verify(body);

    [Theory]
    [InlineData("var code = rnd.Next(1000, 9999);")]
    [InlineData("var roomCode = rnd.Next(1000, 9999).ToString();")]
    [InlineData("var gameCode = rnd.Next(100000).ToString(\"D5\");")]
    [InlineData("var colorCode = $\"#{rnd.Next(0x1000000):X6}\";")]
    [InlineData("var errorCode = rnd.Next(500, 504);")]
    [InlineData("var shortCode = new string(Enumerable.Range(0, 6).Select(_ => alphabet[rnd.Next(alphabet.Length)]).ToArray());")]
    [InlineData("var roomCode = string.Concat(Enumerable.Range(0, 4).Select(_ => chars[rnd.Next(chars.Length)]));")]
    [InlineData("var challengeLevel = rnd.Next(1, 6);")]
    [InlineData("var couponDiscountPercent = rnd.Next(5, 30);")]
    [InlineData("var inviteCodeLength = rnd.Next(6, 9);")]
    public Task A_bare_code_and_room_game_colour_and_short_codes_are_not_reported(string body) => Verify(body);

    [Fact]
    public Task The_generic_member_of_a_type_named_for_a_code_or_session_takes_the_type_s_name() => Verify(
        """
        var invitation = new TeamInvitation();
        invitation.Code = {|SG0005:rnd.Next(100000, 999999)|}.ToString();
        var session = new UserSession { Id = {|SG0005:rnd.Next()|}.ToString("x8") };
        var room = new GameRoom { Code = rnd.Next(1000, 9999).ToString() };
        """,
        """
        class TeamInvitation { public string Code { get; set; } }
        class UserSession { public string Id { get; set; } }
        class GameRoom { public string Code { get; set; } }
        """);

    // ---- Key material by shape ----

    [Theory]
    [InlineData("var bytes = new byte[32]; {|SG0005:rnd.NextBytes(bytes)|}; Show(Convert.ToBase64String(bytes));")]
    [InlineData("var bytes = new byte[32]; {|SG0005:rnd.NextBytes(bytes)|}; var text = Convert.ToHexString(bytes); Show(text);")]
    [InlineData("var bytes = new byte[20]; {|SG0005:rnd.NextBytes(bytes)|}; Show(BitConverter.ToString(bytes).Replace(\"-\", \"\"));")]
    [InlineData("Show(Convert.ToHexString(BitConverter.GetBytes({|SG0005:rnd.NextInt64()|})));")]
    [InlineData("var key = new byte[32]; {|SG0005:rnd.NextBytes(key)|}; Show(key.Length.ToString()); Keep(key);")]
    [InlineData("var material = new byte[64]; {|SG0005:rnd.NextBytes(material)|}; var signing = new SymmetricKey(material);")]
    public Task Random_bytes_encoded_or_kept_as_a_key_are_key_material(string body) => Verify(
        body,
        """
        static void Keep(byte[] key) { }
        class SymmetricKey { public SymmetricKey(byte[] key) { } }
        """);

    [Fact]
    public Task Create_New_and_Generate_Key_factories_returning_random_text_are_reported() => Verify(
        "",
        """
        static string CreateClientKey() => {|SG0005:Rng.NextInt64()|}.ToString("x16");
        static string NewDeviceKey() => {|SG0005:Rng.Next()|}.ToString("x8");
        static byte[] GenerateKey() { var key = new byte[32]; {|SG0005:Rng.NextBytes(key)|}; return key; }
        static string CreateCacheKey(string tenant) => tenant + ":" + Rng.Next().ToString("x8");
        static string NewPartitionKey() => "p" + Rng.Next(16);
        static string GenerateSortKey() => Rng.Next().ToString("D10");
        static int CreateKeyCount() => Rng.Next(5);
        """);

    [Theory]
    [InlineData("var traceId = new byte[16]; rnd.NextBytes(traceId); Show(Convert.ToHexString(traceId));")]
    [InlineData("var bytes = new byte[16]; rnd.NextBytes(bytes); var idempotencyKey = Convert.ToHexString(bytes); Show(idempotencyKey);")]
    [InlineData("var bytes = new byte[8]; rnd.NextBytes(bytes); var correlationId = BitConverter.ToString(bytes); Show(correlationId);")]
    [InlineData("var bytes = new byte[8]; rnd.NextBytes(bytes); var etag = Convert.ToBase64String(bytes); Show(etag);")]
    [InlineData("var payload = new byte[4096]; rnd.NextBytes(payload); Show(Convert.ToBase64String(payload));")]
    [InlineData("var bytes = new byte[12]; rnd.NextBytes(bytes); var fileName = Convert.ToHexString(bytes) + \".tmp\"; Show(fileName);")]
    [InlineData("var bytes = new byte[16]; rnd.NextBytes(bytes); Show(bytes.Length.ToString());")]
    public Task Cache_partition_idempotency_trace_keys_and_payloads_are_not_key_material(string body) => Verify(body);

    // ---- APIs ----

    [Theory]
    [InlineData("var text = new string({|SG0005:rnd.GetItems(chars, 20)|}); Show(text);")]
    [InlineData("Span<char> pin = stackalloc char[6]; {|SG0005:rnd.GetItems(\"0123456789\".AsSpan(), pin)|};")]
    [InlineData("var sb = new StringBuilder(); for (var i = 0; i < 20; i++) sb.Append((char){|SG0005:rnd.Next('a', 'z' + 1)|}); Show(sb.ToString());")]
    [InlineData("var key = new byte[32]; System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(key.AsSpan(8), {|SG0005:rnd.NextInt64()|});")]
    [InlineData("var nonce = new byte[12]; BitConverter.GetBytes({|SG0005:rnd.NextInt64()|}).CopyTo(nonce, 0);")]
    [InlineData("var iv = new byte[16]; Buffer.BlockCopy(BitConverter.GetBytes({|SG0005:rnd.NextInt64()|}), 0, iv, 8, 8);")]
    [InlineData("var noise = new byte[64]; {|SG0005:rnd.NextBytes(noise)|}; var salt = new byte[16]; Array.Copy(noise, salt, 16);")]
    public Task GetItems_char_draws_and_write_into_destination_helpers(string body) => Verify(body);

    [Theory]
    [InlineData("var colors = new[] { \"red\", \"green\", \"blue\" }; var picked = rnd.GetItems(colors, 2); Show(picked[0]);")]
    [InlineData("var name = new StringBuilder(); for (var i = 0; i < 8; i++) name.Append((char)rnd.Next('a', 'z' + 1)); Show(name.ToString());")]
    [InlineData("var letter = (char)('A' + rnd.Next(26)); Show(letter.ToString());")]
    [InlineData("var header = new byte[8]; System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), (uint)rnd.Next()); Show(header.Length.ToString());")]
    [InlineData("var frame = new byte[256]; rnd.NextBytes(frame); var output = new byte[258]; frame.CopyTo(output, 2); Show(output[0].ToString());")]
    public Task The_same_APIs_for_display_names_test_data_and_packets_are_not_reported(string body) => Verify(body);

    [Fact]
    public Task GetString_and_GetHexString_are_recognised_by_name_on_Random() => Verify(
        """
        var net10 = new Net10Random();
        var apiToken = {|SG0005:net10.GetString(alphabet, 40)|};
        var text = {|SG0005:net10.GetHexString(64)|};
        Show(text);
        Span<char> destination = stackalloc char[32];
        {|SG0005:net10.GetHexString(destination, true)|};
        var sessionId = new string(destination);
        var colour = "#" + net10.GetHexString(6);
        var nickname = "guest_" + net10.GetString("abcdefghijklmnopqrstuvwxyz", 6);
        Show(colour + nickname);
        """,
        """
        // Random.GetString and GetHexString arrive in .NET 10; these tests compile against .NET 8, where a class derived
        // from Random declares them with the same shapes.
        class Net10Random : Random
        {
            public string GetString(ReadOnlySpan<char> choices, int length) => "";
            public string GetHexString(int stringLength, bool lowercase = false) => "";
            public void GetHexString(Span<char> destination, bool lowercase = false) { }
        }
        """);

    // ---- Targets ----

    [Theory]
    [InlineData("var sessionId = {|SG0005:rnd.NextInt64()|}.ToString(\"x16\");")]
    [InlineData("var tokens = new Dictionary<string, string>(); tokens[\"alice\"] = {|SG0005:rnd.Next()|}.ToString(\"x8\");")]
    [InlineData("var claims = new Dictionary<string, string>(); claims[\"nonce\"] = {|SG0005:rnd.Next()|}.ToString();")]
    [InlineData("var form = new Dictionary<string, object> { [\"backup_codes\"] = {|SG0005:rnd.Next()|}.ToString() };")]
    [InlineData("var state = new Dictionary<string, string>(); state.Add(\"nonce\", {|SG0005:rnd.Next()|}.ToString());")]
    [InlineData("var state = new Dictionary<string, string>(); state.Add(\"sid\", {|SG0005:rnd.Next()|}.ToString());")]
    [InlineData("var resetCodes = new Dictionary<string, string>(); resetCodes.Add(\"a@example.com\", {|SG0005:rnd.Next(1000000)|}.ToString());")]
    [InlineData("var (resetCode, expires) = ({|SG0005:rnd.Next(1000000)|}.ToString(), DateTime.UtcNow);")]
    public Task Session_ids_collection_elements_and_deconstructed_locals(string body) => Verify(body);

    [Fact]
    public Task Tuple_element_names_and_sid_in_a_session_context() => Verify(
        "",
        """
        static (string Token, DateTime Expires) Issue() => ({|SG0005:Rng.Next()|}.ToString("x8"), DateTime.UtcNow);
        static (string Token, int JitterMs) NextRefresh(string token) => (token, Rng.Next(0, 250));
        static string StartSession() { var sid = {|SG0005:Rng.NextInt64()|}.ToString("x"); return sid; }
        static int SimulateSensor() { var sid = Rng.Next(1, 50); return sid; }
        """);

    [Theory]
    [InlineData("var counts = new Dictionary<string, int>(); counts[\"session\"] = rnd.Next(3);")]
    [InlineData("var props = new Dictionary<string, string>(); props[\"shard\"] = rnd.Next(16).ToString();")]
    [InlineData("var pool = new[] { password, password }; var apiKeys = pool; var picked = apiKeys[rnd.Next(apiKeys.Length)]; var token = picked;")]
    [InlineData("var tokens = new List<TimeSpan>(); tokens.Add(TimeSpan.FromSeconds(rnd.Next(30, 90)));")]
    public Task Counts_shards_picks_from_a_pool_and_delays_in_token_collections_are_not_reported(string body) => Verify(body);

    // ---- Targets that cannot hold a secret; delays, back-off, retries, reminders, rate limits ----

    [Theory]
    [InlineData("TimeSpan tokenRefreshJitter = TimeSpan.FromMilliseconds(rnd.Next(0, 5000));")]
    [InlineData("bool rotateKeyNow = rnd.NextDouble() < 0.1;")]
    [InlineData("DateTime apiKeyRenewal = DateTime.UtcNow.AddDays(rnd.Next(25, 30));")]
    [InlineData("DateTimeOffset sessionKeyExpires = DateTimeOffset.UtcNow.AddMinutes(rnd.Next(50, 60));")]
    [InlineData("float tokenWeight = rnd.NextSingle();")]
    [InlineData("double secretScore = rnd.NextDouble();")]
    [InlineData("decimal otpSurcharge = rnd.Next(5);")]
    [InlineData("var tokenRetryDelayMs = 100 + rnd.Next(0, 100); Thread.Sleep(tokenRetryDelayMs);")]
    [InlineData("var passwordReminderLeadHours = rnd.Next(24, 72);")]
    [InlineData("var apiKeyBackoff = rnd.Next(100, 1000);")]
    public Task Times_flags_floating_point_and_delays_are_not_reported_even_under_a_token_s_name(string body) => Verify(body);

    [Fact]
    public Task A_rate_limiter_s_tokens_are_not_reported_but_an_int_pin_is() => Verify(
        "",
        """
        static int ReplenishTokens() { var tokensToAdd = Rng.Next(1, 5); return tokensToAdd; }
        static int NewKioskPin() { int pin = {|SG0005:Rng.Next(1000, 10000)|}; return pin; }
        """);

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
