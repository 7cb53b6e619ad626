using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

public class MoveSecretToEnvFileCodeFixTests
{
    [Fact]
    public async Task SG0002_moves_the_value_to_the_dev_env_file_and_reads_it_with_Secrets_Get()
    {
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                class PaymentClient
                {
                    private readonly string StripeApiKey = {|SG0002:"Lv8kQ2x9Wm4z"|};
                }
                """,
            FixedCode = """
                using SecretGuard;

                class PaymentClient
                {
                    private readonly string StripeApiKey = Secrets.Get("STRIPE_API_KEY_SECRET");
                }
                """,
        }.WithEnvFile("# dev settings\nLOG_LEVEL=Debug", "# dev settings\nLOG_LEVEL=Debug\nSTRIPE_API_KEY_SECRET=Lv8kQ2x9Wm4z\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task SG0001_in_a_const_makes_it_a_static_property_that_reads_the_secret_and_quotes_the_value_as_needed()
    {
        var test = new CodeFixTest<HardcodedCredentialFormatAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                using System;

                class Db
                {
                    public const string ConnectionString = {|SG0001:"Server=db;Database=app;User Id=sa;Password=Pr0d#Kq81xZ;"|};
                }
                """,
            FixedCode = """
                using System;
                using SecretGuard;

                class Db
                {
                    public static string ConnectionString => Secrets.Get("CONNECTION_STRING_SECRET");
                }
                """,
        }.WithEnvFile(string.Empty, "CONNECTION_STRING_SECRET='Server=db;Database=app;User Id=sa;Password=Pr0d#Kq81xZ;'\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task SG0003_stores_key_bytes_as_base64_and_converts_them_back_in_a_property_not_a_static_initializer()
    {
        var test = new CodeFixTest<HardcodedKeyMaterialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                using System.Security.Cryptography;
                using System.Text;

                class Webhook
                {
                    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("webhook-secret");

                    public byte[] Sign(byte[] body) => HMACSHA256.HashData({|SG0003:SigningKey|}, body);
                }
                """,
            FixedCode = """
                using System.Security.Cryptography;
                using System.Text;
                using SecretGuard;

                class Webhook
                {
                    private static byte[] SigningKey => System.Convert.FromBase64String(Secrets.Get("SIGNING_KEY_SECRET"));

                    public byte[] Sign(byte[] body) => HMACSHA256.HashData(SigningKey, body);
                }
                """,
        }.WithEnvFile(string.Empty, "SIGNING_KEY_SECRET=d2ViaG9vay1zZWNyZXQ=\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_All_moves_every_secret_of_the_project_and_edits_the_env_file_once_numbering_names_before_the_suffix()
    {
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    ("/0/A.cs", """
                        class A
                        {
                            string smtpPassword = {|SG0002:"Smtp!Kq81x"|};
                            string apiToken = {|SG0002:"Tok!22x9Q"|};
                        }
                        """),
                    ("/0/B.cs", """
                        class B
                        {
                            string smtpPassword = {|SG0002:"Other!Zq73x"|};
                            string sameValue = "Tok!22x9Q";
                            void M(string apiToken) { if (apiToken == {|SG0002:"Tok!22x9Q"|}) { } }
                        }
                        """),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/A.cs", """
                        using SecretGuard;

                        class A
                        {
                            string smtpPassword = Secrets.Get("SMTP_PASSWORD_SECRET");
                            string apiToken = Secrets.Get("API_TOKEN_SECRET");
                        }
                        """),
                    ("/0/B.cs", """
                        using SecretGuard;

                        class B
                        {
                            string smtpPassword = Secrets.Get("SMTP_PASSWORD_2_SECRET");
                            string sameValue = "Tok!22x9Q";
                            void M(string apiToken) { if (apiToken == Secrets.Get("API_TOKEN_SECRET")) { } }
                        }
                        """),
                },
            },
            CodeActionEquivalenceKey = "SecretGuard.MoveSecretToEnvFile",
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllInProjectIterations = 1,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck,
        }.WithEnvFile("EXISTING=1\n", "EXISTING=1\nSMTP_PASSWORD_SECRET=Smtp!Kq81x\nAPI_TOKEN_SECRET=Tok!22x9Q\nSMTP_PASSWORD_2_SECRET=Other!Zq73x\n");
        test.NumberOfIncrementalIterations = 4;
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_where_only_constants_are_allowed()
    {
        var test = new CodeFixTest<HardcodedCredentialAnalyzer, MoveSecretToEnvFileCodeFixProvider>
        {
            TestCode = """
                class C
                {
                    void M(string password = {|SG0002:"Dflt!Pw7q"|}) { }
                }
                """,
            FixedCode = """
                class C
                {
                    void M(string password = {|SG0002:"Dflt!Pw7q"|}) { }
                }
                """,
        }.WithEnvFile(string.Empty, string.Empty);
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        await test.RunAsync();
    }
}
