using System;
using System.Collections.Generic;

namespace SecretGuard.Keys;

/// <summary>Where to look for master keys (docs/formats.md#3-key-files).</summary>
internal sealed class KeyLookupOptions
{
    /// <summary>The default variable name; <c>{ENV}</c> stands for the upper-case environment.</summary>
    public const string DefaultKeyVariable = "SECRETGUARD_KEY_{ENV}";

    /// <summary>The variable that names a key file explicitly.</summary>
    public const string KeyFileVariable = "SECRETGUARD_KEY_FILE";

    /// <summary>
    /// The environment variable holding the current key; <c>{ENV}</c> is replaced by the upper-case environment.
    /// The previous key is read from the same name with <c>_PREVIOUS</c> appended.
    /// </summary>
    public string KeyVariable { get; set; } = DefaultKeyVariable;

    /// <summary>An explicit key file. Null: <c>SECRETGUARD_KEY_FILE</c>, else <c>secretguard.keys</c> searched upward.</summary>
    public string? KeyFilePath { get; set; }

    /// <summary>
    /// An explicit recipients file. Null: <c>SECRETGUARD_RECIPIENTS_FILE</c>, else <c>secretguard.recipients</c> searched
    /// upward from <see cref="SearchDirectories"/>.
    /// </summary>
    public string? RecipientsFilePath { get; set; }

    /// <summary>Folders to search upward from for <c>secretguard.keys</c>, in order; the first file found wins.</summary>
    public IList<string> SearchDirectories { get; } = new List<string>();

    /// <summary>The variable name for <paramref name="environment"/>.</summary>
    public string VariableFor(string environment) =>
        KeyVariable.Replace("{ENV}", Environments.EnvironmentName.ToPrefix(environment).Replace("_ENC:", string.Empty), StringComparison.Ordinal);
}
