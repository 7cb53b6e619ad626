namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>
/// Stubs of the libraries behind SG0004's sinks beyond loggers (ASP.NET Core responses, OpenTelemetry, Application
/// Insights, Sentry, and the ambient-property APIs of Serilog, NLog and log4net), with the real type and member names.
/// Added next to <see cref="Stubs"/> by the tests that need them; Activity and metrics come from the .NET 8 references.
/// </summary>
internal static class SinkStubs
{
    public const string Source = """
        #nullable disable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Microsoft.Extensions.Primitives
        {
            public readonly struct StringValues
            {
                private readonly string _value;
                public StringValues(string value) { _value = value; }
                public static implicit operator string(StringValues values) => values._value;
                public override string ToString() => _value ?? string.Empty;
            }
        }

        namespace Microsoft.AspNetCore.Http
        {
            public interface IResult { }

            public abstract class HttpRequest
            {
                public abstract IDictionary<string, Microsoft.Extensions.Primitives.StringValues> Headers { get; }
            }

            public abstract class HttpResponse
            {
                public abstract int StatusCode { get; set; }
            }

            public abstract class HttpContext
            {
                public abstract HttpRequest Request { get; }
                public abstract HttpResponse Response { get; }
            }

            public static class HttpResponseWritingExtensions
            {
                public static Task WriteAsync(this HttpResponse response, string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
            }

            public static class StatusCodes
            {
                public const int Status201Created = 201;
                public const int Status401Unauthorized = 401;
                public const int Status500InternalServerError = 500;
            }

            public static class Results
            {
                public static IResult Ok(object value = null) => null;
                public static IResult BadRequest(object error = null) => null;
                public static IResult Json(object data, object options = null, string contentType = null, int? statusCode = null) => null;
                public static IResult Problem(string detail = null, string instance = null, int? statusCode = null, string title = null, string type = null, IDictionary<string, object> extensions = null) => null;
                public static IResult Problem(Microsoft.AspNetCore.Mvc.ProblemDetails problemDetails) => null;
            }
        }

        namespace Microsoft.AspNetCore.Mvc
        {
            public interface IActionResult { }

            public class ObjectResult : IActionResult
            {
                public ObjectResult(object value) { }
            }

            public class ProblemDetails
            {
                public string Title { get; set; }
                public string Detail { get; set; }
                public IDictionary<string, object> Extensions { get; } = new Dictionary<string, object>();
            }

            public abstract class ControllerBase
            {
                public virtual IActionResult Ok(object value) => null;
                public virtual IActionResult BadRequest(object error) => null;
                public virtual ObjectResult StatusCode(int statusCode, object value) => null;
                public virtual ObjectResult Problem(string detail = null, string instance = null, int? statusCode = null, string title = null, string type = null) => null;
            }
        }

        namespace OpenTelemetry.Trace
        {
            public class TelemetrySpan
            {
                public TelemetrySpan SetAttribute(string key, string value) => this;
                public TelemetrySpan SetAttribute(string key, long value) => this;
            }
        }

        namespace Microsoft.ApplicationInsights.DataContracts
        {
            public interface ISupportProperties
            {
                IDictionary<string, string> Properties { get; }
            }

            public sealed class RequestTelemetry : ISupportProperties
            {
                public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>();
            }
        }

        namespace Microsoft.ApplicationInsights
        {
            public sealed class TelemetryClient
            {
                public void TrackEvent(string eventName, IDictionary<string, string> properties = null, IDictionary<string, double> metrics = null) { }
                public void TrackTrace(string message) { }
            }
        }

        namespace Sentry
        {
            public interface IHasExtra
            {
                void SetExtra(string key, object value);
            }

            public class Scope : IHasExtra
            {
                public void SetExtra(string key, object value) { }
            }

            public static class SentrySdk
            {
                public static void CaptureMessage(string message) { }
            }
        }

        namespace Serilog.Core
        {
            public interface ILogEventEnricher { }
        }

        namespace Serilog.Core.Enrichers
        {
            public class PropertyEnricher : Serilog.Core.ILogEventEnricher
            {
                public PropertyEnricher(string name, object value, bool destructureObjects = false) { }
            }
        }

        namespace Serilog.Context
        {
            public static class LogContext
            {
                public static IDisposable PushProperty(string name, object value, bool destructureObjects = false) => null;
                public static IDisposable Push(Serilog.Core.ILogEventEnricher enricher) => null;
            }
        }

        namespace NLog
        {
            public static class ScopeContext
            {
                public static IDisposable PushProperty<TValue>(string key, TValue value) => null;
                public static IDisposable PushNestedState<T>(T nestedState) => null;
            }

            public static class MappedDiagnosticsLogicalContext
            {
                public static void Set(string item, string value) { }
            }

            public struct LogEventBuilder
            {
                public LogEventBuilder Message(string message, params object[] args) => this;
                public LogEventBuilder Property<T>(string propertyName, T propertyValue) => this;
                public void Log() { }
            }
        }

        // NLog declares ForInfoEvent on its Logger; the verifier's NLog stub is an interface without it.
        public static class NLogFluentStub
        {
            public static NLog.LogEventBuilder ForInfoEvent(this NLog.ILogger logger) => default;
        }

        namespace log4net.Util
        {
            public sealed class LogicalThreadContextProperties
            {
                public object this[string key] { get => null; set { } }
            }

            public sealed class ThreadContextStack
            {
                public IDisposable Push(string message) => null;
            }

            public sealed class ThreadContextStacks
            {
                public ThreadContextStack this[string key] => new ThreadContextStack();
            }
        }

        namespace log4net
        {
            public static class LogicalThreadContext
            {
                public static log4net.Util.LogicalThreadContextProperties Properties { get; } = new log4net.Util.LogicalThreadContextProperties();
            }

            public static class ThreadContext
            {
                public static log4net.Util.ThreadContextStacks Stacks { get; } = new log4net.Util.ThreadContextStacks();
            }
        }
        """;
}
