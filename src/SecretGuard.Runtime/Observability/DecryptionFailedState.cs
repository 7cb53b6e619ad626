using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace SecretGuard.Observability;

/// <summary>The structured fields of the DecryptionFailed event, as <c>LoggerMessage</c> would shape them.</summary>
internal sealed class DecryptionFailedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string Format = "Decryption of {KeyName} failed ({ErrorCode} {Reason}) at {File}:{Line}, kid {Kid}, environment {Environment}: {Problem}";

    private readonly KeyValuePair<string, object?>[] _fields;

    public DecryptionFailedState(string keyName, string? file, int? line, string? kid, string code, SecretGuardErrorReason reason, string environment, string problem)
    {
        _fields = new[]
        {
            new KeyValuePair<string, object?>("KeyName", keyName),
            new KeyValuePair<string, object?>("ErrorCode", code),
            new KeyValuePair<string, object?>("Reason", reason),
            new KeyValuePair<string, object?>("File", file),
            new KeyValuePair<string, object?>("Line", line),
            new KeyValuePair<string, object?>("Kid", kid),
            new KeyValuePair<string, object?>("Environment", environment),
            new KeyValuePair<string, object?>("Problem", problem),
            new KeyValuePair<string, object?>("{OriginalFormat}", Format),
        };
    }

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _fields.GetEnumerator();

    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "Decryption of {0} failed ({1} {2}) at {3}:{4}, kid {5}, environment {6}: {7}",
        _fields[0].Value, _fields[1].Value, _fields[2].Value, _fields[3].Value ?? "-", _fields[4].Value?.ToString() ?? "-", _fields[5].Value ?? "-", _fields[6].Value, _fields[7].Value);
}
