using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0004's fix: log Secrets.Redact(x) instead of x; Fix All in a document and across documents.</summary>
public class RedactSecretInLogCodeFixTests
{
    [Fact]
    public async Task A_structured_argument_is_redacted_and_the_using_added()
    {
        await new CodeFixTest<SecretInLogAnalyzer, RedactSecretInLogCodeFixProvider>
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                class Login
                {
                    void Run(ILogger logger, string user, string password) =>
                        logger.LogInformation("Login {User} {Password}", user, {|SG0004:password|});
                }
                """,
            FixedCode = """
                using Microsoft.Extensions.Logging;
                using SecretGuard;

                class Login
                {
                    void Run(ILogger logger, string user, string password) =>
                        logger.LogInformation("Login {User} {Password}", user, Secrets.Redact(password));
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task An_interpolation_hole_a_concatenation_and_a_source_call_are_redacted_in_place()
    {
        await new CodeFixTest<SecretInLogAnalyzer, RedactSecretInLogCodeFixProvider>
        {
            TestCode = """
                using System;
                using SecretGuard;

                class Startup
                {
                    void Run(string apiKey)
                    {
                        Console.WriteLine($"Using key {{|SG0004:apiKey|}:X}");
                        Console.WriteLine("key=" + {|SG0004:apiKey|});
                        Console.WriteLine({|SG0004:Secrets.Get("SMTP_PASSWORD_SECRET")|});
                    }
                }
                """,
            FixedCode = """
                using System;
                using SecretGuard;

                class Startup
                {
                    void Run(string apiKey)
                    {
                        Console.WriteLine($"Using key {Secrets.Redact(apiKey):X}");
                        Console.WriteLine("key=" + Secrets.Redact(apiKey));
                        Console.WriteLine(Secrets.Redact(Secrets.Get("SMTP_PASSWORD_SECRET")));
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task A_value_that_is_not_a_string_is_turned_into_text_first()
    {
        await new CodeFixTest<SecretInLogAnalyzer, RedactSecretInLogCodeFixProvider>
        {
            TestCode = """
                using System;
                using SecretGuard;

                class Session
                {
                    void Run(object sessionToken, Guid apiKey)
                    {
                        Console.WriteLine({|SG0004:sessionToken|});
                        Console.WriteLine("{0}", {|SG0004:apiKey|});
                    }
                }
                """,
            FixedCode = """
                using System;
                using SecretGuard;

                class Session
                {
                    void Run(object sessionToken, Guid apiKey)
                    {
                        Console.WriteLine(Secrets.Redact(sessionToken?.ToString()));
                        Console.WriteLine("{0}", Secrets.Redact(apiKey.ToString()));
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_all_redacts_every_secret_in_every_document()
    {
        var test = new CodeFixTest<SecretInLogAnalyzer, RedactSecretInLogCodeFixProvider>();
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Diagnostics;

            class A
            {
                void Run(string password, string clientSecret)
                {
                    Debug.WriteLine({|SG0004:password|});
                    Trace.TraceInformation("{0} {1}", {|SG0004:password|}, {|SG0004:clientSecret|});
                }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System;

            class B
            {
                void Run(string apiToken) => throw new InvalidOperationException("bad token " + {|SG0004:apiToken|});
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using System.Diagnostics;
            using SecretGuard;

            class A
            {
                void Run(string password, string clientSecret)
                {
                    Debug.WriteLine(Secrets.Redact(password));
                    Trace.TraceInformation("{0} {1}", Secrets.Redact(password), Secrets.Redact(clientSecret));
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using System;
            using SecretGuard;

            class B
            {
                void Run(string apiToken) => throw new InvalidOperationException("bad token " + Secrets.Redact(apiToken));
            }
            """));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.None;
        await test.RunAsync();
    }

    [Fact]
    public async Task A_value_logged_under_a_secret_key_or_hole_is_redacted_in_place()
    {
        await new CodeFixTest<SecretInLogAnalyzer, RedactSecretInLogCodeFixProvider>
        {
            TestCode = """
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;

                class Partner
                {
                    void Run(ILogger logger, string tenant, string value)
                    {
                        using (logger.BeginScope(new Dictionary<string, object> { ["Tenant"] = tenant, ["ApiKey"] = {|SG0004:value|} }))
                        {
                            logger.LogInformation("Issued {AccessToken}", {|SG0004:value|});
                        }
                    }
                }
                """,
            FixedCode = """
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;
                using SecretGuard;

                class Partner
                {
                    void Run(ILogger logger, string tenant, string value)
                    {
                        using (logger.BeginScope(new Dictionary<string, object> { ["Tenant"] = tenant, ["ApiKey"] = Secrets.Redact(value) }))
                        {
                            logger.LogInformation("Issued {AccessToken}", Secrets.Redact(value));
                        }
                    }
                }
                """,
        }.RunAsync();
    }
}
