using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SecretGuard.Analyzers.Rules;
using SecretGuard.Analyzers.Tests.Generated;
using Xunit.Abstractions;

namespace SecretGuard.Analyzers.Tests;

/// <summary>
/// Every SecretGuard analyzer, run as the compiler runs them (<see cref="CompilationWithAnalyzers"/>, concurrent), over
/// a generated code base, over this repository's own sources and configuration files, and over hostile input. None may
/// throw (no exception reaches the handler, no AD0001), and every run must finish.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    /// <summary>Generous: a run that takes this long has hung (a regex without timeout, a quadratic walk gone wrong).</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80 =
        new Lazy<Task<ImmutableArray<MetadataReference>>>(() => ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));

    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

    private readonly ITestOutputHelper _output;

    public AnalyzerRobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_generated_code_base_compiles_and_every_planted_secret_is_found_without_analyzer_exceptions()
    {
        var sources = CodebaseGenerator.Generate(300, seed: 4242);
        var configFiles = CodebaseGenerator.GenerateConfigFiles(5, seed: 4242);
        var outcome = await RunAsync(
            sources.Select(s => Parse(s.Text, s.Path)),
            await Net80.Value,
            configFiles.Select(f => (AdditionalText)new TextAdditionalText(f.Path, f.Text)));

        Assert.True(!outcome.CompilerErrors.Any(), "The generated code does not compile:\n" + string.Join("\n", outcome.CompilerErrors.Take(20)));
        outcome.AssertNoAnalyzerFailure();
        Assert.True(outcome.Findings.Count > 0, "The analyzers found nothing in the generated code.");

        var planted = sources.SelectMany(s => CodebaseGenerator.PlantedFindings(s.Text).Select(p => (s.Path, p.Line, p.RuleId))).ToList();
        var found = outcome.Findings.Select(d => (Path: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id)).ToList();
        var missed = planted.Where(p => !found.Contains((p.Path, p.Line, p.RuleId))).ToList();
        Assert.True(planted.Count >= 5, $"Only {planted.Count} planted secrets: the generator should plant about one per {CodebaseGenerator.PlantEvery} files.");
        Assert.True(missed.Count == 0, "Planted secrets not reported:\n" + string.Join("\n", missed.Select(m => $"{m.Path}({m.Line}): {m.RuleId}")));
        Assert.Contains(outcome.Findings, d => d.Id == "SG0007");

        var plantedLines = planted.Select(p => (p.Path, p.Line)).ToHashSet();
        var elsewhere = found.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal) && !plantedLines.Contains((f.Path, f.Line))).ToList();
        _output.WriteLine($"{sources.Count} files, {sources.Sum(s => s.Text.Count(c => c == '\n'))} lines; {outcome.Findings.Count} findings " +
                          $"({string.Join(", ", outcome.Findings.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count()))}); " +
                          $"{planted.Count} planted, all found; {elsewhere.Count} C# findings away from planted lines; {outcome.Elapsed.TotalSeconds:F1} s");
        foreach (var f in elsewhere.Take(10))
        {
            _output.WriteLine($"  not planted: {f.Id} {f.Path}({f.Line})");
        }
    }

    [Fact]
    public async Task This_repository_s_own_sources_and_configuration_files_cause_no_analyzer_exception()
    {
        var root = RepositoryFiles.Root;
        var sources = new[] { "src", "tests" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.cs", SearchOption.AllDirectories))
            .Where(path => !IsBuildOutput(root, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var additional = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .Where(path => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(path).StartsWith(".env", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new FileAdditionalText(path))
            .ToList();
        Assert.True(sources.Count > 50, $"Found only {sources.Count} .cs files under {root}.");

        // Each file is its own tree; only the BCL is referenced, so errors about Roslyn, xunit, MSBuild types are expected.
        var outcome = await RunAsync(sources.Select(path => Parse(File.ReadAllText(path), path)), await Net80.Value, additional);

        outcome.AssertNoAnalyzerFailure();
        _output.WriteLine($"{sources.Count} C# files, {additional.Count} json/env files; {outcome.CompilerErrors.Count()} compile errors (references are missing); " +
                          $"{outcome.Findings.Count} findings; {outcome.Elapsed.TotalSeconds:F1} s");
        foreach (var finding in outcome.Findings.Take(20))
        {
            _output.WriteLine("  " + finding);
        }
    }

    [Fact]
    public async Task Megabyte_literals_in_every_string_shape_finish_without_exceptions()
    {
        // Noise that makes every family's keyword prefilter pass and its regex run over the megabyte, then a real token.
        var big = NoiseWithCredentialKeywords(1_000_000, seed: 1).Replace("{", "(", StringComparison.Ordinal) + " 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";
        var source = new StringBuilder()
            .AppendLine("using System;")
            .AppendLine("class Big")
            .AppendLine("{")
            .Append("    const string Regular = \"").Append(big).AppendLine("\";")
            .Append("    static readonly string Verbatim = @\"").Append(big).AppendLine("\";")
            .Append("    static readonly string Raw = \"\"\"").Append(big).AppendLine("\"\"\";")
            .Append("    static ReadOnlySpan<byte> Utf8 => \"").Append(big).AppendLine("\"u8;")
            .Append("    string password = \"").Append(big).AppendLine("\";")
            .Append("    string Interpolated(int x) => $\"").Append(big, 0, 500_000).Append("{x}").Append(big, 500_000, 500_000).AppendLine("\";")
            .AppendLine("}")
            .ToString();

        var outcome = await RunAsync(new[] { Parse(source, "/src/Big.cs") }, await Net80.Value);

        outcome.AssertNoAnalyzerFailure();
        Assert.Empty(outcome.CompilerErrors);
        Assert.True(outcome.Findings.Count(d => d.Id == "SG0001") >= 5, "The token at the end of each megabyte literal was not found: " + string.Join("\n", outcome.Findings));
        _output.WriteLine($"{source.Length / 1_000_000.0:F1} MB of source; {outcome.Findings.Count} findings; {outcome.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Ten_thousand_term_concatenations_finish_without_exceptions()
    {
        const int Terms = 10_000;
        var constant = string.Join(" + ", Enumerable.Range(0, Terms).Select(i => "\"p" + i + "\""));
        var mixed = string.Join(" + ", Enumerable.Range(0, 2_000).Select(i => i % 2 == 0 ? "\"s" + i + "\"" : "x"));
        var token = string.Join(" + ", "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".Select(c => "\"" + c + "\""));

        // The walks over a chain are quadratic in its length (StringLiterals.IsPartOfConcatenation from every node, and
        // SG0002 reports each literal given to a credential name): one chain of 10 000, the other shapes 2 000 terms.
        var credential = string.Join(" + ", Enumerable.Range(0, 2_000).Select(i => "\"p" + i + "\""));
        var source = $$"""
            class Concatenations
            {
                const string Constant = {{constant}};
                static string Mixed(string x) => {{mixed}};
                static readonly string GitHubToken = {{token}};
                static string password = "a" + ({{credential}});
            }
            """;

        var outcome = await RunAsync(new[] { Parse(source, "/src/Concatenations.cs") }, await Net80.Value);

        outcome.AssertNoAnalyzerFailure();
        Assert.Contains(outcome.Findings, d => d.Id == "SG0001");
        _output.WriteLine($"{outcome.Findings.Count} findings; {outcome.CompilerErrors.Count()} compile errors; {outcome.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Deeply_nested_interpolations_finish_without_exceptions()
    {
        var source = new StringBuilder().AppendLine("class Nested").AppendLine("{");
        foreach (var (name, depth) in new[] { ("password", 20), ("apiKey", 60), ("Deep", 150) })
        {
            var open = string.Concat(Enumerable.Range(0, depth).Select(i => (i % 3 == 0 ? "$@\"" : "$\"") + "L" + i + " ghp_{(true ? "));
            var close = string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => " : \"x\")} tail" + i + "\""));
            source.Append("    string ").Append(name).Append(" = ").Append(open).Append("\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"").Append(close).AppendLine(";");
        }

        source.AppendLine("    string Raw(int n) => $$\"\"\"{{n}} {{$\"{n}{$\"{n}{\"xoxb-1234567890-abcdefghij\"}\"}\"}}\"\"\";");
        source.AppendLine("}");

        var outcome = await RunAsync(new[] { Parse(source.ToString(), "/src/Nested.cs") }, await Net80.Value);

        outcome.AssertNoAnalyzerFailure();
        _output.WriteLine($"{outcome.Findings.Count} findings; {outcome.CompilerErrors.Count()} compile errors; {outcome.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Truncated_and_garbled_csharp_finishes_without_exceptions()
    {
        // Incomplete syntax everywhere: generated files cut at random points, and a soup of tokens.
        var random = new Random(7);
        var trees = CodebaseGenerator.Generate(40, seed: 99)
            .Select(s => Parse(s.Text.Substring(0, random.Next(s.Text.Length / 4, s.Text.Length)), "/cut/" + s.Path))
            .ToList();
        var tokens = new[]
        {
            "class", "{", "}", "(", ")", "=", "+", "$\"", "\"", "@\"", "\"\"\"", "{", "password", "apiKey", "new", "HMACSHA256", "byte[]", "u8", ";",
            "\"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\"", "\"hunter2hunter2\"", "=>", "switch", "case", "[", "]", ",", ":", "?", "??", "!",
            "Convert.FromBase64String(", "Encoding.UTF8.GetBytes(", "#if", "#endregion", "/*", "*/", "//", "\n", "'", "\\", "\u2028", "\0",
        };
        var soup = string.Concat(Enumerable.Range(0, 60_000).Select(_ => tokens[random.Next(tokens.Length)] + (random.Next(3) == 0 ? " " : string.Empty)));
        trees.Add(Parse(soup, "/cut/Soup.cs"));
        trees.Add(Parse(string.Empty, "/cut/Empty.cs"));
        trees.Add(Parse("\uFEFF", "/cut/Bom.cs"));
        trees.Add(Parse("class C { string password = \"unterminated", "/cut/Unterminated.cs"));
        trees.Add(Parse("class D { string apiKey = \"\"\"\n  raw without end", "/cut/Raw.cs"));
        trees.Add(Parse("class E { string token = $\"{", "/cut/Interpolation.cs"));

        var outcome = await RunAsync(trees, await Net80.Value);

        outcome.AssertNoAnalyzerFailure();
        _output.WriteLine($"{trees.Count} trees; {outcome.Findings.Count} findings; {outcome.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task Malformed_configuration_files_finish_without_exceptions()
    {
        using var folder = new TempFolder();
        var random = new Random(11);
        var garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        folder.WriteBytes("binary/appsettings.json", garbage);
        folder.WriteBytes("binary/.env", garbage);

        // Invalid UTF-8 (lone continuation bytes, overlong forms, an encoded surrogate, 0xFF), NUL, CR-only and
        // Unicode line breaks, unterminated quotes and PEM blocks, a 1 MB value.
        var env = new List<byte>();
        void Add(string text) => env.AddRange(Encoding.UTF8.GetBytes(text));
        Add("# invalid UTF-8 below\nGITHUB_TOKEN=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");
        env.AddRange(new byte[] { 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF, 0xFE, 0x00 });
        Add("\nAPI_URL=https://user:");
        env.AddRange(new byte[] { 0xFF, 0xFF });
        Add("@example.com/\r\rSTRIPE=sk_live_4eC39HqLyjWDarjtT1zdp7dc\rOLD_MAC=\r\n");
        Add("K\u2028EY=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\u0085NEXT=xoxb-1234567890-abcdefghij\u2029\n");
        Add("export QUOTED=\"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\nSINGLE='unterminated\nPEM=\"-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n");
        Add("=no key\n==\n\"\"=\"\"\nKEY WITH SPACES=1\n\t\t\n");
        Add("HUGE=" + NoiseWithCredentialKeywords(1_000_000, seed: 3) + "\n");
        folder.WriteBytes("invalid-utf8/.env.dev", env.ToArray());
        folder.WriteBytes("invalid-utf8/service.env", env.ToArray());

        var json = new Dictionary<string, string>
        {
            ["truncated/appsettings.json"] = "{\n  \"ConnectionStrings\": {\n    \"Db\": \"Server=db;User Id=sa;Password=Pr0dPassw0rd!;\n",
            ["truncated/appsettings.Development.json"] = "{ \"Jwt\": { \"Secret\": \"abc\\u12",
            ["truncated/Properties/launchSettings.json"] = "{ \"profiles\": { \"App\": { \"environmentVariables\": { \"DB_PASSWORD\": \"local-db-pass-1\" ",
            ["unbalanced/appsettings.json"] = "}}}}]]]] { \"a\": ] \"b\": } {{{{ [[[[ \"Password\": \"hunter2hunter2\" ,,,, ::: \"",
            ["unbalanced/appsettings.Staging.json"] = "{ \"a\": [1, 2, { \"ApiKey\": \"4e1f0c9b7a2d4e6f8a0b1c2d3e4f5a6b\", \"x\": [ {",
            ["comments/appsettings.json"] = "/* unterminated comment { \"Password\": \"hunter2hunter2\" }",
            ["comments/appsettings.Production.json"] = "{ // comment at the end without newline\n \"Password\": \"x\" } //",
            ["escapes/appsettings.json"] = "{ \"Pass\\u0077ord\": \"\\ud800\\udfff\\u0000\\\"\\\\\", \"Token\": \"\\",
            ["nul/appsettings.json"] = "{ \"Token\": \"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\0\0\0\", \0 }",
            ["deep-arrays/appsettings.json"] = new string('[', 100_000) + "\"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\"" + new string(']', 100_000),
            ["deep-objects/appsettings.json"] = string.Concat(Enumerable.Repeat("{\"Password\":", 50_000)) + "\"hunter2hunter2\"" + new string('}', 50_000),
            ["deep-but-fine/appsettings.json"] = string.Concat(Enumerable.Repeat("{\"Password\":", 200)) + "\"hunter2hunter2\"" + new string('}', 200),
            ["wide/appsettings.json"] = "{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"ApiKey{i}\": \"{i:x8}Zq{i * 7919 % 100_000:d5}\"")) + "}",
            ["long-string/appsettings.json"] = "{ \"Secret\": \"" + NoiseWithCredentialKeywords(1_000_000, seed: 4) + "\" }",
            ["random-chars/launchSettings.json"] = RandomUtf16(200_000, random),
        };
        foreach (var (path, text) in json)
        {
            folder.WriteText(path, text);
        }

        var additional = folder.Files().Select(path => (AdditionalText)new FileAdditionalText(path)).ToList();
        additional.Add(new TextAdditionalText("/memory/appsettings.json", RandomUtf16(100_000, random)));
        additional.Add(new TextAdditionalText("/memory/.env", "A=" + new string('\uD800', 1000) + "\nB=\uDFFF\uD800ghp_0lR8acRYSi4MDF8kWCBX1KpeZUaLJ4d8jOCs\n"));
        additional.Add(new NullAdditionalText("/memory/missing/appsettings.json"));
        additional.Add(new NullAdditionalText("/memory/missing/.env.dev"));

        var outcome = await RunAsync(new[] { Parse("class C { }", "/src/C.cs") }, await Net80.Value, additional);

        outcome.AssertNoAnalyzerFailure();
        Assert.Contains(outcome.Findings, d => d.Location.GetLineSpan().Path.Replace('\\', '/').EndsWith("deep-but-fine/appsettings.json", StringComparison.Ordinal));
        _output.WriteLine($"{additional.Count} additional files; {outcome.Findings.Count} findings; {outcome.Elapsed.TotalSeconds:F1} s");
        foreach (var finding in outcome.Findings.Take(20))
        {
            _output.WriteLine("  " + finding.Id + " " + finding.Location.GetLineSpan());
        }
    }

    [Fact]
    public async Task Garbage_editorconfig_values_are_reported_as_SG0008_and_nothing_throws()
    {
        // Parsed as the compiler parses .editorconfig files, so the values arrive as they would in a build.
        var editorConfig = AnalyzerConfig.Parse(
            """
            root = true
            [*]
            secretguard.min_length = -1
            secretguard.SG0002.min_length = 99999999999999999999999999
            secretguard.SG0001.min_length = NaN
            secretguard.entropy_threshold = Infinity
            secretguard.SG0002.entropy_threshold = ٣
            secretguard.excluded_value_pattern = (a+)+$
            secretguard.disabled_families = all, *, ;;; ,,, github-token, ☃, github-token
            secretguard.extra_secret_words = ,,,;;; pass-word Ünïcödé 🙂 _ -- ..
            secretguard.excluded_name_words = ;;;;
            secretguard.test_projects = ☃
            dotnet_diagnostic.SG0002.severity = sometimes
            this line is not a property
            [[[unbalanced section
            secretguard.min_length = 3.5e2
            [*.cs]
            secretguard.excluded_value_pattern = [unclosed
            """,
            "/repo/.editorconfig");
        var configSet = AnalyzerConfigSet.Create(ImmutableArray.Create(editorConfig));
        var global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["build_property.IsTestProject"] = "maybe",
            ["build_property.SecretGuardSecretSuffixes"] = ";;;,,,",
            ["secretguard.min_length"] = new string('9', 10_000),
            ["secretguard.extra_secret_words"] = string.Join(" ", Enumerable.Range(0, 5_000).Select(i => "word" + i)),
        };

        var sources = CodebaseGenerator.Generate(30, seed: 5);
        var trees = sources.Select(s => Parse(s.Text, "/repo/" + s.Path)).ToList();
        trees.Add(Parse("class Catastrophic { string password = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"; string token = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"; }", "/repo/src/Catastrophic.cs"));
        var additional = CodebaseGenerator.GenerateConfigFiles(2, seed: 5).Select(f => (AdditionalText)new TextAdditionalText("/repo/" + f.Path, f.Text)).ToList();
        var provider = new OptionsProvider(configSet, global, pathOptions: new Dictionary<string, Dictionary<string, string>>
        {
            ["/repo/src/Catastrophic.cs"] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["secretguard.excluded_value_pattern"] = "^(a+)+$" },
            [additional[0].Path] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["build_metadata.AdditionalFiles.SecretGuardPlaceholder"] = "yes\0" },
        });

        var outcome = await RunAsync(trees, await Net80.Value, additional, provider);

        outcome.AssertNoAnalyzerFailure();
        Assert.Contains(outcome.Findings, d => d.Id == "SG0008");
        _output.WriteLine($"{outcome.Findings.Count} findings; {outcome.Elapsed.TotalSeconds:F1} s");
        foreach (var finding in outcome.Findings.Where(d => d.Id == "SG0008"))
        {
            _output.WriteLine("  " + finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // ---------------------------------------------------------------- the run

    private static async Task<Outcome> RunAsync(
        IEnumerable<SyntaxTree> trees,
        IEnumerable<MetadataReference> references,
        IEnumerable<AdditionalText>? additionalFiles = null,
        AnalyzerConfigOptionsProvider? optionsProvider = null)
    {
        var analyzers = AllAnalyzers();
        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var additional = (additionalFiles ?? Enumerable.Empty<AdditionalText>()).ToImmutableArray();
        var options = optionsProvider is null ? new AnalyzerOptions(additional) : new AnalyzerOptions(additional, optionsProvider);
        var exceptions = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {diagnostic.GetMessage()}\n{exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));

        using var deadline = new CancellationTokenSource(Deadline);
        var stopwatch = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> all;
        try
        {
            all = await withAnalyzers.GetAllDiagnosticsAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"The analyzers did not finish within {Deadline.TotalSeconds} s.");
        }

        stopwatch.Stop();
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();
        return new Outcome(all, exceptions.ToList(), stopwatch.Elapsed, ids);
    }

    private static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers()
    {
        var analyzers = typeof(HardcodedCredentialAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.True(analyzers.Length >= 5, $"Found only {analyzers.Length} analyzers in SecretGuard.Analyzers.");
        return analyzers;
    }

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptions, path);

    private sealed record Outcome(ImmutableArray<Diagnostic> All, IReadOnlyList<string> Exceptions, TimeSpan Elapsed, ImmutableHashSet<string> AnalyzerIds)
    {
        public IEnumerable<Diagnostic> CompilerErrors => All.Where(d => d.Severity == DiagnosticSeverity.Error && !AnalyzerIds.Contains(d.Id) && d.Id != "AD0001");

        public IReadOnlyList<Diagnostic> Findings => All.Where(d => AnalyzerIds.Contains(d.Id)).ToList();

        public void AssertNoAnalyzerFailure()
        {
            var ad0001 = All.Where(d => d.Id == "AD0001").ToList();
            Assert.True(
                Exceptions.Count == 0 && ad0001.Count == 0,
                "Analyzer exceptions:\n" + string.Join("\n\n", Exceptions.Take(5)) + "\n" + string.Join("\n", ad0001.Take(5)));
        }
    }

    // ---------------------------------------------------------------- inputs

    /// <summary>Base64-like noise with a credential keyword every two thousand characters or so, so every family's regex runs.</summary>
    private static string NoiseWithCredentialKeywords(int length, int seed)
    {
        // Without o, e, u, x: no placeholder word ("todo", "example", "dummy", "xxxx", ...) can appear by chance and
        // make the whole literal a placeholder, which would skip the regexes this input is meant to exercise.
        const string Alphabet = "ABCDFGHIJKLMNPQRSTVWYZabcdfghijklmnpqrstvwyz0123456789+/=_-.:; ";
        string[] keywords =
        {
            "ghp_", "github_pat_", "AKIA", "password=", "Pwd=", "://user:", "@host", "eyJ", ".eyJ", "sk-", "sk-ant-", "sk_live_", "xoxb-",
            "hooks.slack.com", "-----BEGIN RSA PRIVATE KEY-----", "SG.", "AIza", "glpat-", "npm_", "hf_", "AccountKey=", "${",
        };
        var random = new Random(seed);
        var builder = new StringBuilder(length + 64);
        while (builder.Length < length)
        {
            if (random.Next(2000) == 0)
            {
                builder.Append(keywords[random.Next(keywords.Length)]);
            }
            else
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }
        }

        return builder.ToString(0, length);
    }

    /// <summary>Any UTF-16 code units, lone surrogates and control characters included.</summary>
    private static string RandomUtf16(int length, Random random)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0x10000);
        }

        return new string(chars);
    }

    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "TestResults" or "BenchmarkDotNet.Artifacts" or "artifacts");

    // ---------------------------------------------------------------- additional texts and options

    /// <summary>An additional file read as the compiler reads it: the whole file, decoded as UTF-8 (invalid bytes become U+FFFD).</summary>
    private sealed class FileAdditionalText : AdditionalText
    {
        private readonly Lazy<SourceText> _text;

        public FileAdditionalText(string path)
        {
            Path = path;
            _text = new Lazy<SourceText>(() => SourceText.From(File.ReadAllText(path), Encoding.UTF8));
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text.Value;
    }

    private sealed class TextAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public TextAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>A file that cannot be read: <see cref="AdditionalText.GetText"/> returns null, as the API allows.</summary>
    private sealed class NullAdditionalText : AdditionalText
    {
        public NullAdditionalText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }

    /// <summary>Options as the compiler builds them: .editorconfig sections for the path, merged over global options; keys ignore case.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;
        private readonly Dictionary<string, string> _global;
        private readonly Dictionary<string, Dictionary<string, string>> _pathOptions;

        public OptionsProvider(AnalyzerConfigSet set, Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> pathOptions)
        {
            _set = set;
            _global = global;
            _pathOptions = pathOptions;
            GlobalOptions = new Options(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

        private Options For(string path)
        {
            var merged = new Dictionary<string, string>(_global, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in _set.GetOptionsForSourcePath(path).AnalyzerOptions)
            {
                merged[key] = value;
            }

            if (_pathOptions.TryGetValue(path, out var own))
            {
                foreach (var (key, value) in own)
                {
                    merged[key] = value;
                }
            }

            return new Options(merged);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase);

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Root = Path.Combine(Path.GetTempPath(), "secretguard-robustness-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        public string Root { get; }

        public void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(Prepare(relative), bytes);

        public void WriteText(string relative, string text) => File.WriteAllText(Prepare(relative), text, new UTF8Encoding(false));

        public IEnumerable<string> Files() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
        }

        private string Prepare(string relative)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
    }
}
