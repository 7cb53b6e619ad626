// Stubs of the telemetry SDKs the SG0004 telemetry snippets use (SG0004.*.Telemetry.txt and others): OpenTelemetry's
// span API, Application Insights' TelemetryClient and telemetry items, Sentry's SDK and scope. System.Diagnostics.Activity
// and System.Diagnostics.Metrics come from the .NET 8 reference assemblies. Type and member names as in the real
// packages; bodies are placeholders. Corpus data, not compiled into the test project.
#nullable disable

global using System.Diagnostics.Metrics;
global using Microsoft.ApplicationInsights;
global using Microsoft.ApplicationInsights.DataContracts;
global using OpenTelemetry.Trace;
global using Sentry;

namespace OpenTelemetry.Trace
{
    public enum SpanKind { Internal, Server, Client, Producer, Consumer }

    public class SpanAttributes
    {
        public SpanAttributes() { }
        public SpanAttributes(IEnumerable<KeyValuePair<string, object>> attributes) { }
        public void Add(string key, string value) { }
        public void Add(string key, long value) { }
        public void Add(string key, bool value) { }
        public void Add(string key, double value) { }
    }

    public class TelemetrySpan : IDisposable
    {
        public TelemetrySpan SetAttribute(string key, string value) => this;
        public TelemetrySpan SetAttribute(string key, long value) => this;
        public TelemetrySpan SetAttribute(string key, bool value) => this;
        public TelemetrySpan SetAttribute(string key, double value) => this;
        public TelemetrySpan AddEvent(string name) => this;
        public TelemetrySpan AddEvent(string name, SpanAttributes attributes) => this;
        public void RecordException(Exception ex) { }
        public void End() { }
        public void Dispose() { }
    }

    public class Tracer
    {
        public TelemetrySpan StartActiveSpan(string name, SpanKind kind = SpanKind.Internal, SpanAttributes initialAttributes = null) => new TelemetrySpan();
        public TelemetrySpan StartSpan(string name, SpanKind kind = SpanKind.Internal, SpanAttributes initialAttributes = null) => new TelemetrySpan();
    }

    public class TracerProvider
    {
        public static TracerProvider Default { get; } = new TracerProvider();
        public Tracer GetTracer(string name, string version = null) => new Tracer();
    }
}

namespace Microsoft.ApplicationInsights.Channel
{
    public interface ITelemetry
    {
        DateTimeOffset Timestamp { get; set; }
    }
}

namespace Microsoft.ApplicationInsights.Extensibility
{
    public interface ITelemetryInitializer
    {
        void Initialize(Microsoft.ApplicationInsights.Channel.ITelemetry telemetry);
    }
}

namespace Microsoft.ApplicationInsights.DataContracts
{
    public enum SeverityLevel { Verbose, Information, Warning, Error, Critical }

    public interface ISupportProperties
    {
        IDictionary<string, string> Properties { get; }
    }

    public sealed class EventTelemetry : Microsoft.ApplicationInsights.Channel.ITelemetry, ISupportProperties
    {
        public EventTelemetry() { }
        public EventTelemetry(string name) { Name = name; }
        public string Name { get; set; }
        public DateTimeOffset Timestamp { get; set; }
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
        public IDictionary<string, double> Metrics { get; } = new Dictionary<string, double>();
    }

    public sealed class RequestTelemetry : Microsoft.ApplicationInsights.Channel.ITelemetry, ISupportProperties
    {
        public string Name { get; set; }
        public string ResponseCode { get; set; }
        public DateTimeOffset Timestamp { get; set; }
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
    }

    public sealed class DependencyTelemetry : Microsoft.ApplicationInsights.Channel.ITelemetry, ISupportProperties
    {
        public string Type { get; set; }
        public string Target { get; set; }
        public string Data { get; set; }
        public bool Success { get; set; }
        public DateTimeOffset Timestamp { get; set; }
        public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
    }
}

namespace Microsoft.ApplicationInsights
{
    using Microsoft.ApplicationInsights.DataContracts;

    public sealed class TelemetryClient
    {
        public void TrackEvent(string eventName, IDictionary<string, string> properties = null, IDictionary<string, double> metrics = null) { }
        public void TrackEvent(EventTelemetry telemetry) { }
        public void TrackTrace(string message) { }
        public void TrackTrace(string message, SeverityLevel severityLevel) { }
        public void TrackTrace(string message, IDictionary<string, string> properties) { }
        public void TrackTrace(string message, SeverityLevel severityLevel, IDictionary<string, string> properties) { }
        public void TrackException(Exception exception, IDictionary<string, string> properties = null, IDictionary<string, double> metrics = null) { }
        public void TrackDependency(DependencyTelemetry telemetry) { }
    }
}

namespace Sentry
{
    public enum SentryLevel { Debug, Info, Warning, Error, Fatal }

    public enum BreadcrumbLevel { Debug, Info, Warning, Error, Critical }

    public readonly struct SentryId { }

    public interface IHasTags
    {
        void SetTag(string key, string value);
        void UnsetTag(string key);
    }

    public interface IHasExtra
    {
        void SetExtra(string key, object value);
    }

    public class Scope : IHasTags, IHasExtra
    {
        public string TransactionName { get; set; }
        public void SetTag(string key, string value) { }
        public void UnsetTag(string key) { }
        public void SetExtra(string key, object value) { }
        public void AddBreadcrumb(string message, string category = null, string type = null, IDictionary<string, string> data = null, BreadcrumbLevel level = default) { }
    }

    public interface ISpan : IHasTags, IHasExtra
    {
        string Operation { get; set; }
        string Description { get; set; }
        void Finish();
    }

    public interface IHub
    {
        SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info);
        void ConfigureScope(Action<Scope> configureScope);
    }

    public static class SentrySdk
    {
        public static SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info) => default;
        public static SentryId CaptureMessage(string message, Action<Scope> configureScope, SentryLevel level = SentryLevel.Info) => default;
        public static SentryId CaptureException(Exception exception) => default;
        public static SentryId CaptureException(Exception exception, Action<Scope> configureScope) => default;
        public static void ConfigureScope(Action<Scope> configureScope) { }
        public static void AddBreadcrumb(string message, string category = null, string type = null, IDictionary<string, string> data = null, BreadcrumbLevel level = default) { }
        public static ISpan GetSpan() => null;
    }
}
