using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// The move fix never changes what the program does beyond where the value comes from: no fix on a fallback, a const
/// or static secret becomes a property (never a static initializer that throws), and no fix where C# needs a constant.
/// </summary>
public class MoveSecretKeepsBehaviourCodeFixTests
{
    [Fact]
    public async Task Fallbacks_with_fillers_are_no_diagnostic_and_real_looking_fallbacks_are_reported_without_a_fix()
    {
        const string code = """
            using System.Collections.Generic;
            using Microsoft.Extensions.Configuration;

            class MailSettings
            {
                private readonly IConfiguration _configuration;
                private string _cachedToken;

                public MailSettings(IConfiguration configuration) => _configuration = configuration;

                public string PushToken => _configuration["Push:Token"] ?? "none";
                public string ApiToken => _configuration["Api:Token"] ?? string.Empty;
                public string BearerToken => _configuration["Api:BearerToken"] ?? "<your token>";
                public string RelayPassword => _configuration.GetValue("Relay:Password", "changeme");
                public string ArchivePassword => _configuration["Archive:Password"] ?? "missing";
                public string ReportingApiKey => _configuration["Reporting:ApiKey"] ?? "development";
                public string DatabasePassword => _configuration["Db:Password"] ?? "postgres";

                // Weak evidence stays an IDE suggestion, and no fix is offered on it.
                public string BrokerPassword => _configuration["Broker:Password"] ?? {|SG0009:"admin"|};

                // A real-looking fallback is a leaked secret: reported, but a fix would throw where the code falls back.
                public string SmtpPassword => _configuration["Smtp:Password"] ?? {|SG0002:"Granite2023%"|};
                public string LdapPassword => string.IsNullOrEmpty(_configuration["Ldap:Password"]) ? {|SG0002:"Velvet~Marble6533"|} : _configuration["Ldap:Password"];
                public string CachedToken => _cachedToken ??= {|SG0002:"c9Xq!7LmW2vRt8Kp"|};

                public string WebhookSecret(Dictionary<string, string> settings) =>
                    settings.TryGetValue("WebhookSecret", out var secret) ? secret : {|SG0002:"Wk7!rQx2Mv9pLs4T"|};
            }
            """;
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider> { TestCode = code, FixedCode = code }
            .WithEnvFile(string.Empty, string.Empty);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_known_format_in_a_fallback_or_a_default_value_argument_gets_no_fix()
    {
        const string code = """
            using Microsoft.Extensions.Configuration;

            class Billing
            {
                public string StripeKey(IConfiguration configuration) =>
                    configuration["Stripe:SecretKey"] ?? {|SG0001:"sk_live_9rTq2WxL7mZ4vK8pN3bH6cYd"|};

                public string RefundKey(IConfiguration configuration) =>
                    configuration.GetValue("Stripe:RefundKey", {|SG0001:"sk_live_3mPw8ZqR2xV7nK4tL9cJ5hYb"|});
            }
            """;
        var test = new CodeFixTest<HardcodedCredentialFormatAnalyzer, MoveSecretToEnvFileCodeFixProvider> { TestCode = code, FixedCode = code }
            .WithEnvFile(string.Empty, string.Empty);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    [Fact]
    public void No_code_fix_of_the_package_touches_the_weak_evidence_tier()
    {
        var providers = typeof(MoveSecretToEnvFileCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)System.Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(providers);
        Assert.DoesNotContain(providers, p => p.FixableDiagnosticIds.Contains(RuleIdentifiers.PossibleHardcodedCredential));
    }

    [Fact]
    public async Task Const_static_and_static_get_only_members_become_properties_that_read_the_secret()
    {
        await new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                using System;

                static class PartnerKeys
                {
                    /// <summary>The partner's token.</summary>
                    public const string PartnerToken = {|SG0002:"ptk.Rq7!xMv2Lp9sT4"|};
                    internal static readonly string ReportingApiKey = {|SG0002:"Hx8#vLq2Zm5Rt9Wc"|};
                    public static string MailPassword { get; } = {|SG0002:"Velvet~Marble6533"|};

                    [Obsolete("Use PartnerToken")]
                    public static readonly string LegacyToken = {|SG0002:"Lg7!qWx2Zr9Tm4Kv"|};
                }

                class Client
                {
                    public string Header() => PartnerKeys.PartnerToken + PartnerKeys.ReportingApiKey + PartnerKeys.MailPassword;
                }
                """,
            FixedCode = """
                using System;
                using SecretGuard;

                static class PartnerKeys
                {
                    /// <summary>The partner's token.</summary>
                    public static string PartnerToken => Secrets.Get("PARTNER_TOKEN_SECRET");
                    internal static string ReportingApiKey => Secrets.Get("REPORTING_API_KEY_SECRET");
                    public static string MailPassword => Secrets.Get("MAIL_PASSWORD_SECRET");

                    [Obsolete("Use PartnerToken")]
                    public static string LegacyToken => Secrets.Get("LEGACY_TOKEN_SECRET");
                }

                class Client
                {
                    public string Header() => PartnerKeys.PartnerToken + PartnerKeys.ReportingApiKey + PartnerKeys.MailPassword;
                }
                """,
        }.WithEnvFile(string.Empty, "PARTNER_TOKEN_SECRET=ptk.Rq7!xMv2Lp9sT4\nREPORTING_API_KEY_SECRET='Hx8#vLq2Zm5Rt9Wc'\nMAIL_PASSWORD_SECRET=Velvet~Marble6533\nLEGACY_TOKEN_SECRET=Lg7!qWx2Zr9Tm4Kv\n").RunAsync();
    }

    [Fact]
    public async Task A_const_that_C_sharp_needs_as_a_constant_gets_no_fix()
    {
        const string code = """
            using System.ComponentModel;

            class Partner
            {
                public const string ApiToken = {|SG0002:"tok.Rq7xMv2Lp9sT4wZ8"|};

                [Description(ApiToken)]
                public void Call() { }
            }

            class Gate
            {
                private const string MasterPassword = {|SG0002:"Quartz~Lantern4471"|};

                public bool Open(string password)
                {
                    switch (password)
                    {
                        case MasterPassword: return true;
                        default: return false;
                    }
                }

                public bool Unlock(string password) => password is MasterPassword;
            }

            class Relay
            {
                private const string RelayPassword = {|SG0002:"Rl4!vQx9Zm2Tw7Kp"|};

                public void Connect(string user, string password = RelayPassword) { }
            }

            class Vault
            {
                private const string VaultToken = {|SG0002:"hvs.Vt7Lq2Wx9Zm4Rk8p"|};
                private const string VaultHeader = "X-Vault-Token: " + VaultToken;
            }

            class Login
            {
                public bool Check(string password)
                {
                    const string BackdoorPassword = {|SG0002:"Bd3!kWx8Qm2Zt6Lv"|};
                    switch (password)
                    {
                        case BackdoorPassword: return true;
                        default: return false;
                    }
                }
            }
            """;
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider> { TestCode = code, FixedCode = code }
            .WithEnvFile(string.Empty, string.Empty);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_written_static_field_and_secrets_inside_static_initialization_get_no_fix_an_instance_initializer_and_a_const_local_do()
    {
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                using System.Net;

                class Mailer
                {
                    private static string relayPassword = {|SG0002:"Rl4!vQx9Zm2Tw7Kp"|};
                    private static readonly NetworkCredential Service = new NetworkCredential("svc", {|SG0002:"Svc#Tq9x!mK2vL7w"|});
                    private static readonly string archiveToken;
                    private readonly NetworkCredential _bounce = new NetworkCredential("bounce", {|SG0002:"Bnc#Tq9x!mK2vL7w"|});

                    static Mailer()
                    {
                        archiveToken = {|SG0002:"Ar7!kQx2Wm9Zt4Lp"|};
                    }

                    public static void Rotate(string next) => relayPassword = next;

                    public bool IsMaintenance(string password)
                    {
                        const string MaintenancePassword = {|SG0002:"Mt9!qLx2Wv7Zr4Kp"|};
                        return password == MaintenancePassword;
                    }
                }
                """,
            FixedCode = """
                using System.Net;
                using SecretGuard;

                class Mailer
                {
                    private static string relayPassword = {|SG0002:"Rl4!vQx9Zm2Tw7Kp"|};
                    private static readonly NetworkCredential Service = new NetworkCredential("svc", {|SG0002:"Svc#Tq9x!mK2vL7w"|});
                    private static readonly string archiveToken;
                    private readonly NetworkCredential _bounce = new NetworkCredential("bounce", Secrets.Get("PASSWORD_SECRET"));

                    static Mailer()
                    {
                        archiveToken = {|SG0002:"Ar7!kQx2Wm9Zt4Lp"|};
                    }

                    public static void Rotate(string next) => relayPassword = next;

                    public bool IsMaintenance(string password)
                    {
                        string MaintenancePassword = Secrets.Get("MAINTENANCE_PASSWORD_SECRET");
                        return password == MaintenancePassword;
                    }
                }
                """,
        }.WithEnvFile(string.Empty, "PASSWORD_SECRET='Bnc#Tq9x!mK2vL7w'\nMAINTENANCE_PASSWORD_SECRET=Mt9!qLx2Wv7Zr4Kp\n");
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task The_moved_entry_takes_the_projects_first_secret_suffix_and_numbers_go_before_it()
    {
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                class PaymentClient
                {
                    private readonly string StripeApiKey = {|SG0002:"Lv8kQ2x9Wm4z"|};
                    private readonly string ClientSecret = {|SG0002:"q8Zr~Kx9.vN2"|};
                }
                """,
            FixedCode = """
                using SecretGuard;

                class PaymentClient
                {
                    private readonly string StripeApiKey = Secrets.Get("STRIPE_API_KEY_2_VAULT");
                    private readonly string ClientSecret = Secrets.Get("CLIENT_SECRET");
                }
                """,
        }.WithEnvFile("STRIPE_API_KEY_VAULT=an-older-value\n", "STRIPE_API_KEY_VAULT=an-older-value\nSTRIPE_API_KEY_2_VAULT=Lv8kQ2x9Wm4z\nCLIENT_SECRET=q8Zr~Kx9.vN2\n");
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.SecretGuardSecretSuffixes = _vault,_SECRET\n"));
        await test.RunAsync();
    }
}
