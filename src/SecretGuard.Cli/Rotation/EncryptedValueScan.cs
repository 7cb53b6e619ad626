using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.Cli.CommandLine;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;
using SecretGuard.EnvFiles;
using SecretGuard.Environments;

namespace SecretGuard.Cli.Rotation;

/// <summary>
/// Every value of one environment (<c>PROD_ENC:...</c>) in a set of env files, with the kid it names, and the
/// problems that make a safe rewrite impossible: a file with syntax errors that mentions the prefix (a value could
/// hide in the broken line), a malformed value.
/// </summary>
internal sealed class EncryptedValueScan
{
    public sealed class ScannedFile
    {
        public ScannedFile(string path, byte[] originalBytes, EnvFile file)
        {
            Path = path;
            OriginalBytes = originalBytes;
            File = file;
        }

        public string Path { get; }

        /// <summary>The bytes read from disk: what a failed rotation puts back.</summary>
        public byte[] OriginalBytes { get; }

        public EnvFile File { get; }

        public List<ScannedValue> Values { get; } = new();
    }

    public sealed record ScannedValue(ScannedFile File, EnvEntry Entry, string Kid);

    public List<ScannedFile> Files { get; } = new();

    public List<string> Problems { get; } = new();

    /// <summary>
    /// The files whose text mentions the environment's prefix (<c>PROD_ENC:</c>): those with values and those too broken
    /// to read them from. A rotation locks these and reads them again before it rewrites any.
    /// </summary>
    public List<string> PathsMentioningEnvironment { get; } = new();

    public IEnumerable<ScannedValue> Values => Files.SelectMany(f => f.Values);

    public static EncryptedValueScan Run(IEnumerable<string> paths, string environment, CommandContext context)
    {
        var scan = new EncryptedValueScan();
        var prefix = EnvironmentName.ToPrefix(environment);
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(path);
            if (Encoding.UTF8.GetString(bytes).Contains(prefix, StringComparison.Ordinal))
            {
                scan.PathsMentioningEnvironment.Add(path);
            }

            var file = EnvFile.Load(path);
            if (file.HasSyntaxErrors || !file.IsWritable)
            {
                if (Encoding.UTF8.GetString(bytes).Contains(prefix, StringComparison.Ordinal))
                {
                    var first = file.Findings.First(f => f.Id == DiagnosticIds.SyntaxError);
                    scan.Problems.Add(context.Display(path) + "(" + first.Line + "," + first.Column + "): error " + first.Id + ": " + first.Message +
                        " — the file holds " + prefix + " values but cannot be rewritten safely until its syntax errors are fixed");
                }

                continue;
            }

            var scanned = new ScannedFile(path, bytes, file);
            foreach (var entry in file.Entries)
            {
                if (IsDamagedValueOf(entry.Value, environment))
                {
                    // Left as it is, it would stay under the old key, which --finish deletes: whatever could still be repaired would be lost.
                    scan.Problems.Add(context.Display(path) + "(" + entry.Line + "," + entry.ValueColumn + "): error " + DiagnosticIds.Undecryptable + ": " + entry.Key + ": " + EncryptedValue.DamagedDetail);
                    continue;
                }

                if (!EncryptedValue.HasEncryptedPrefix(entry.Value, out var valueEnvironment) || valueEnvironment != environment)
                {
                    continue;
                }

                if (!EncryptedValue.TryParse(entry.Value, out var parsed, out _, out var detail))
                {
                    scan.Problems.Add(context.Display(path) + "(" + entry.Line + "," + entry.ValueColumn + "): error " + DiagnosticIds.Undecryptable + ": " + entry.Key + ": " + detail);
                    continue;
                }

                scanned.Values.Add(new ScannedValue(scanned, entry, parsed!.Kid));
            }

            if (scanned.Values.Count > 0)
            {
                scan.Files.Add(scanned);
            }
        }

        return scan;
    }

    // A damaged value (docs/formats.md#recognising-an-encrypted-value) whose start names the environment in any case
    // (pROD_ENC:, PROD_ENS:, PRODENC:): one the rotation would have to re-encrypt if it could read it.
    private static bool IsDamagedValueOf(string value, string environment) =>
        EncryptedValueRecognition.IsDamaged(value) &&
        value.TrimStart(' ', '\t', '\r', '\n', '"', '\'', '`').StartsWith(environment, StringComparison.OrdinalIgnoreCase);
}
