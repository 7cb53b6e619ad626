using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Verifiers;

namespace SecretGuard.Analyzers.CurrentCompiler.Tests;

/// <summary>
/// SG0004 on .NET 10, where C# 13 picks <c>params ReadOnlySpan&lt;T&gt;</c> overloads for <c>Console.WriteLine</c>,
/// <c>TextWriter.WriteLine</c>, <c>string.Format</c>, <c>string.Concat</c> and <c>string.Join</c>: each value in the
/// span is judged like an element of a <c>params</c> array.
/// </summary>
public sealed class ParamsCollectionTests
{
    private static string InMethod(string body) => $$"""
        using System;
        using System.IO;
        using System.Text;
        using Microsoft.Extensions.Logging;

        class Service
        {
            void Run(ILogger logger, TextWriter writer, string userName, string password, string apiKey, string region, int attempt, string host)
            {
        {{body}}
            }
        }
        """;

    private static Task Verify(string body) => AnalyzerVerifier<SecretInLogAnalyzer>.VerifyAsync(InMethod(body));

    [Fact]
    public void The_analyzer_knows_the_operation_kinds_that_Roslyn_4_8_has_no_symbols_for()
    {
        Assert.Equal((int)ArgumentKind.ParamCollection, (int)Sensitivity.NewerOperations.ParamCollectionArgument);
        Assert.Equal((int)Microsoft.CodeAnalysis.OperationKind.CollectionExpression, (int)Sensitivity.NewerOperations.CollectionExpression);
        Assert.Equal((int)Microsoft.CodeAnalysis.OperationKind.Spread, (int)Sensitivity.NewerOperations.Spread);
    }

    [Theory]
    [InlineData("Console.WriteLine(\"{0} {1} {2} {3}\", userName, region, attempt, {|SG0004:password|});")]
    [InlineData("Console.Out.WriteLine(\"{0} {1} {2} {3}\", userName, region, host, {|SG0004:apiKey|});")]
    [InlineData("Console.Error.WriteLine(\"{0} {1} {2} {3} {4}\", userName, region, host, attempt, {|SG0004:apiKey|});")]
    [InlineData("logger.LogInformation(string.Format(\"{0} {1} {2} {3}\", userName, region, host, {|SG0004:password|}));")]
    [InlineData("logger.LogInformation(string.Concat(\"user=\", userName, \" region=\", region, \" key=\", {|SG0004:apiKey|}));")]
    [InlineData("Console.WriteLine(string.Join(\", \", userName, region, host, {|SG0004:password|}));")]
    public Task A_secret_in_a_params_span_is_found(string body) => Verify(body);

    [Theory]
    [InlineData("Console.WriteLine(\"{0} {1} {2} {3}\", userName, region, attempt, password.Length);")]
    [InlineData("logger.LogInformation(string.Format(\"{0} {1} {2} {3}\", userName, region, host, attempt));")]
    [InlineData("logger.LogInformation(string.Concat(\"user=\", userName, \" region=\", region, \" host=\", host));")]
    [InlineData("Console.WriteLine(string.Join(\", \", userName, region, host, string.IsNullOrEmpty(apiKey) ? \"no key\" : \"key set\"));")]
    // A TextWriter of the app's own (a file, a response) is not a log sink of SG0004; only Console.Out/Error are.
    [InlineData("writer.WriteLine(\"{0} {1} {2} {3} {4}\", userName, region, host, attempt, apiKey);")]
    public Task Values_that_are_not_secret_stay_quiet(string body) => Verify(body);
}
