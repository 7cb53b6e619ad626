namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>A recognised sink: what it writes to, for the message ("Activity.SetTag"), and its family.</summary>
internal sealed class SinkCall
{
    public SinkCall(string description, SinkFamily family)
    {
        Description = description;
        Family = family;
    }

    public string Description { get; }

    public SinkFamily Family { get; }

    /// <summary>
    /// Whether an object created in an argument is read member by member: telemetry SDKs and response serialisers
    /// send every value an object is built with; a log renders a plain object as its type name, so a log reads only
    /// objects that are key/value collections.
    /// </summary>
    public bool ReadsWholeObjects => Family != SinkFamily.Log;
}
