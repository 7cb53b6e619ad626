// Stubs of the ambient-property APIs of the logging libraries (SG0004.*.AmbientProperties.txt and others): Serilog's
// LogContext and PropertyEnricher, NLog's ScopeContext, MappedDiagnosticsLogicalContext and the NLog 5 fluent
// LogEventBuilder, log4net's thread and logical-thread context properties and stacks. Type and member names as in the
// real libraries; bodies are placeholders. The loggers themselves are in Prelude.cs. Corpus data, not compiled into the
// test project.
#nullable disable

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
        public static IDisposable Push(params Serilog.Core.ILogEventEnricher[] enrichers) => null;
    }
}

namespace NLog
{
    public enum LogLevelOrdinal { Trace, Debug, Info, Warn, Error, Fatal }

    public static class ScopeContext
    {
        public static IDisposable PushProperty<TValue>(string key, TValue value) => null;
        public static IDisposable PushProperties<TValue>(IReadOnlyCollection<KeyValuePair<string, TValue>> scopeProperties) => null;
        public static IDisposable PushNestedState<T>(T nestedState) => null;
        public static IDisposable PushNestedStateProperties(object nestedState, IReadOnlyCollection<KeyValuePair<string, object>> properties) => null;
        public static bool TryGetProperty(string key, out object value) { value = null; return false; }
    }

    public static class MappedDiagnosticsLogicalContext
    {
        public static void Set(string item, string value) { }
        public static void Set(string item, object value) { }
        public static IDisposable SetScoped(string item, object value) => null;
        public static string Get(string item) => null;
        public static void Remove(string item) { }
    }

    public struct LogEventBuilder
    {
        public LogEventBuilder Message(string message) => this;
        public LogEventBuilder Message<TArgument>(string message, TArgument argument) => this;
        public LogEventBuilder Message<TArgument1, TArgument2>(string message, TArgument1 argument1, TArgument2 argument2) => this;
        public LogEventBuilder Property<T>(string propertyName, T propertyValue) => this;
        public LogEventBuilder Exception(Exception exception) => this;
        public void Log() { }
    }

}

// NLog 5 declares these on Logger (and as ILogger extensions in namespace NLog); the corpus's NLog stubs are in
// Prelude.cs and the snippets have no using NLog, so they are extensions in the snippets' namespace here.
namespace SecretGuard.SensitivityCorpus
{
    public static class NLogFluentStubs
    {
        public static NLog.LogEventBuilder ForInfoEvent(this NLog.ILogger logger) => default;
        public static NLog.LogEventBuilder ForWarnEvent(this NLog.ILogger logger) => default;
        public static NLog.LogEventBuilder ForErrorEvent(this NLog.ILogger logger) => default;
        public static NLog.LogEventBuilder ForDebugEvent(this NLog.ILogger logger) => default;
    }
}

namespace log4net.Util
{
    public sealed class LogicalThreadContextProperties
    {
        public object this[string key] { get => null; set { } }
        public void Remove(string key) { }
    }

    public sealed class ThreadContextProperties
    {
        public object this[string key] { get => null; set { } }
        public void Remove(string key) { }
    }

    public sealed class ThreadContextStack
    {
        public IDisposable Push(string message) => null;
        public string Pop() => null;
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
        public static log4net.Util.ThreadContextProperties Properties { get; } = new log4net.Util.ThreadContextProperties();
        public static log4net.Util.ThreadContextStacks Stacks { get; } = new log4net.Util.ThreadContextStacks();
    }

    public static class LogManager
    {
        public static ILog GetLogger(Type type) => null;
    }
}
