namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>
/// Where a sink sends what it is given, which decides how its arguments are read: a log line renders values as text,
/// key/value state and telemetry keep each pair, an error response serialises whole objects to the client.
/// </summary>
internal enum SinkFamily
{
    /// <summary>A logger, the console, Debug/Trace, an ambient log property: values are rendered as text (or kept as log properties).</summary>
    Log,

    /// <summary>Tracing and monitoring SDKs: tags, attributes, properties and events are kept and shipped as given.</summary>
    Telemetry,

    /// <summary>An error response to a client: its body (an object, a <c>ProblemDetails</c>) is serialised whole.</summary>
    ErrorResponse,
}
