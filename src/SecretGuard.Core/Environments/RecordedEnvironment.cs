using System.IO;

namespace SecretGuard.Environments;

/// <summary>
/// The file the build writes next to its output with the environment it used, so a run of that output
/// knows its environment when nothing else says (docs/runtime.md#secrets, "Active environment").
/// </summary>
internal static class RecordedEnvironment
{
    /// <summary>The file's name in the output folder.</summary>
    public const string FileName = "secretguard.environment";

    /// <summary>The environment recorded in <paramref name="directory"/>, or null when there is none or it is not a valid name.</summary>
    public static string? Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var name = File.ReadAllText(path).Trim();
        return EnvironmentName.IsValid(name) ? name : null;
    }
}
