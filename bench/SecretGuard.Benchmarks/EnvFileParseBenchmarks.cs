using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecretGuard.Diagnostics;
using SecretGuard.EnvFiles;

namespace SecretGuard.Benchmarks;

/// <summary>
/// Parsing a 10 000-line env file from a string (throughput: input bytes / mean, see docs/performance.md), and the
/// lossless round trip (parse, then write back).
/// </summary>
[MemoryDiagnoser]
public class EnvFileParseBenchmarks
{
    public const int Lines = 10_000;

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = EnvFileGenerator.Generate(Lines);
        var file = EnvFile.Parse(_text);
        var physicalLines = _text.Count(c => c == '\n');
        var syntaxErrors = file.Findings.Count(f => f.Id == DiagnosticIds.SyntaxError);
        if (syntaxErrors > 0 || !string.Equals(file.ToString(), _text, StringComparison.Ordinal) || physicalLines != Lines)
        {
            throw new InvalidOperationException(
                "The generated env file is not what the benchmark needs: " + physicalLines + " lines, " + syntaxErrors + " syntax errors.");
        }

        Console.WriteLine(
            "// EnvFile input: " + Lines + " lines, " + file.Entries.Count() + " entries, " + _text.Length + " chars, " +
            Encoding.UTF8.GetByteCount(_text) + " bytes UTF-8, " + file.Findings.Count + " findings (SG1003 ambiguities)");
    }

    // Returns object: EnvFile is internal, and BenchmarkDotNet needs a public method.
    [Benchmark(OperationsPerInvoke = 1)]
    public object Parse() => EnvFile.Parse(_text);

    [Benchmark(OperationsPerInvoke = 1)]
    public string ParseAndWriteBack() => EnvFile.Parse(_text).ToString();
}
