using System;
using System.Collections.Generic;
using System.IO;
using SecretGuard.IO;

namespace SecretGuard.Cli.Rotation;

/// <summary>
/// Replaces several files as one step, as far as a file system allows: every new file is first written beside its
/// target (<see cref="AtomicFile.Prepare"/>), then all are renamed into place; if one rename fails, the files already
/// replaced get their old bytes back, so every file ends up fully old. Disposing removes leftover temporary files.
/// </summary>
internal sealed class FileReplacement : IDisposable
{
    private readonly List<(string Path, byte[] OldBytes, AtomicFile.PreparedFile Prepared)> _files = new();

    public sealed record Failure(string Path, string Reason, IReadOnlyList<string> NotRestored);

    /// <summary>Writes the new contents of <paramref name="path"/> to a temporary file beside it.</summary>
    public void Prepare(string path, byte[] oldBytes, byte[] newBytes) =>
        _files.Add((path, oldBytes, AtomicFile.Prepare(path, newBytes)));

    /// <summary>Renames every prepared file into place; on a failure, puts back the ones already replaced.</summary>
    public Failure? CommitAll()
    {
        for (var i = 0; i < _files.Count; i++)
        {
            try
            {
                _files[i].Prepared.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var notRestored = new List<string>();
                for (var j = i - 1; j >= 0; j--)
                {
                    try
                    {
                        AtomicFile.WriteAllBytes(_files[j].Path, _files[j].OldBytes);
                    }
                    catch (Exception restoreError) when (restoreError is IOException or UnauthorizedAccessException)
                    {
                        notRestored.Add(_files[j].Path);
                    }
                }

                return new Failure(_files[i].Path, ex.Message, notRestored);
            }
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Prepared.Dispose();
        }
    }
}
