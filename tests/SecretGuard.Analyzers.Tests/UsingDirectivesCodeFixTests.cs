using System.Threading.Tasks;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;
using SecretGuard.CodeFixes;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// The <c>using</c> a fix adds (here SG0006's <c>Secrets.Get</c>) goes where the file's own ordering puts it, and is not
/// added where <c>Secrets</c> already binds.
/// </summary>
public class UsingDirectivesCodeFixTests
{
    private const string Read = """
        class Settings
        {
            public string StripeKey => {|SG0006:System.Environment.GetEnvironmentVariable("STRIPE_API_KEY_SECRET")|};
        }
        """;

    private const string Fixed = """
        class Settings
        {
            public string StripeKey => Secrets.Get("STRIPE_API_KEY_SECRET");
        }
        """;

    [Theory]
    [InlineData( // System first, then the others in order: after Microsoft, before Serilog.
        "using System;\nusing System.IO;\nusing Microsoft.Extensions.Configuration;\nusing Serilog;\n",
        "using System;\nusing System.IO;\nusing Microsoft.Extensions.Configuration;\nusing SecretGuard;\nusing Serilog;\n")]
    [InlineData( // Plain alphabetical: between Microsoft and System.
        "using Microsoft.Extensions.Configuration;\nusing System;\nusing System.IO;\n",
        "using Microsoft.Extensions.Configuration;\nusing SecretGuard;\nusing System;\nusing System.IO;\n")]
    [InlineData( // In no order: after the last one.
        "using System.IO;\nusing System;\n",
        "using System.IO;\nusing System;\nusing SecretGuard;\n")]
    [InlineData( // Groups separated by blank lines: a new group, separated too.
        "using System;\nusing System.IO;\n\nusing Microsoft.Extensions.Configuration;\n",
        "using System;\nusing System.IO;\n\nusing Microsoft.Extensions.Configuration;\n\nusing SecretGuard;\n")]
    [InlineData( // A file header stays on top.
        "// Copyright (c) Contoso. All rights reserved.\n\nusing System;\n",
        "// Copyright (c) Contoso. All rights reserved.\n\nusing System;\nusing SecretGuard;\n")]
    [InlineData( // No usings: after the header, with a blank line before the code.
        "// Copyright (c) Contoso. All rights reserved.\n",
        "// Copyright (c) Contoso. All rights reserved.\n\nusing SecretGuard;\n")]
    public async Task The_using_goes_where_the_files_ordering_puts_it(string usingsBefore, string usingsAfter)
    {
        await new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = usingsBefore + "\n" + Read,
            FixedCode = usingsAfter + "\n" + Fixed,
        }.RunAsync();
    }

    [Fact]
    public async Task Both_orders_fit_dotnet_sort_system_directives_first_decides()
    {
        var test = new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = "using System;\nusing System.IO;\n\n" + Read,
            FixedCode = "using SecretGuard;\nusing System;\nusing System.IO;\n\n" + Fixed,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_sort_system_directives_first = false\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Inside_the_namespace_when_the_file_keeps_its_usings_there()
    {
        await new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = """
                namespace Billing
                {
                    using System;
                    using System.IO;

                    class Settings
                    {
                        public string StripeKey => {|SG0006:Environment.GetEnvironmentVariable("STRIPE_API_KEY_SECRET")|};
                    }
                }
                """,
            FixedCode = """
                namespace Billing
                {
                    using System;
                    using System.IO;
                    using SecretGuard;

                    class Settings
                    {
                        public string StripeKey => Secrets.Get("STRIPE_API_KEY_SECRET");
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task A_file_without_usings_follows_csharp_using_directive_placement()
    {
        var test = new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestCode = "namespace Billing;\n\n" + Read,
            FixedCode = "namespace Billing;\n\nusing SecretGuard;\n\n" + Fixed,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ncsharp_using_directive_placement = inside_namespace:warning\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_using_where_Secrets_already_binds_a_global_using_or_code_in_the_namespace()
    {
        await new CodeFixTest<SecretReadBypassingDecryptionAnalyzer, ReadSecretWithSecretsGetCodeFixProvider>
        {
            TestState =
            {
                Sources =
                {
                    ("/0/GlobalUsings.cs", "global using global::SecretGuard;\n"),
                    ("/0/Settings.cs", "using System;\n\n" + Read),
                    ("/0/Tool.cs", """
                        namespace SecretGuard.Tools
                        {
                            class Tool
                            {
                                public string Token => {|SG0006:System.Environment.GetEnvironmentVariable("TOOL_TOKEN_SECRET")|};
                            }
                        }
                        """),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/GlobalUsings.cs", "global using global::SecretGuard;\n"),
                    ("/0/Settings.cs", "using System;\n\n" + Fixed),
                    ("/0/Tool.cs", """
                        namespace SecretGuard.Tools
                        {
                            class Tool
                            {
                                public string Token => Secrets.Get("TOOL_TOKEN_SECRET");
                            }
                        }
                        """),
                },
            },
        }.RunAsync();
    }
}
