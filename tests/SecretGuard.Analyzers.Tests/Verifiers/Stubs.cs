namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>Types the test code uses that the .NET 8 reference assemblies do not have.</summary>
internal static class Stubs
{
    public const string Source = """
        namespace SecretGuard
        {
            public static class Secrets
            {
                public static string Get(string name) => name;
                public static bool TryGet(string name, out string value) { value = name; return true; }
                public static string Redact(string value) => string.Empty;
            }
        }

        namespace Microsoft.IdentityModel.Tokens
        {
            public class SymmetricSecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { }
            }
        }

        namespace Microsoft.Data.SqlClient
        {
            public class SqlConnectionStringBuilder
            {
                public string Password { get; set; } = "";
                public string UserID { get; set; } = "";
                public string DataSource { get; set; } = "";
            }
        }

        namespace Microsoft.Extensions.Logging
        {
            public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }

            public readonly struct EventId
            {
                public EventId(int id, string name = null) { Id = id; Name = name; }
                public int Id { get; }
                public string Name { get; }
                public static implicit operator EventId(int id) => new EventId(id);
            }

            public interface ILogger
            {
                void Log<TState>(LogLevel logLevel, EventId eventId, TState state, System.Exception exception, System.Func<TState, System.Exception, string> formatter);
                bool IsEnabled(LogLevel logLevel);
                System.IDisposable BeginScope<TState>(TState state);
            }

            public interface ILogger<out TCategoryName> : ILogger { }

            public static class LoggerExtensions
            {
                public static void LogTrace(this ILogger logger, string message, params object[] args) { }
                public static void LogDebug(this ILogger logger, string message, params object[] args) { }
                public static void LogInformation(this ILogger logger, string message, params object[] args) { }
                public static void LogInformation(this ILogger logger, EventId eventId, string message, params object[] args) { }
                public static void LogWarning(this ILogger logger, string message, params object[] args) { }
                public static void LogError(this ILogger logger, string message, params object[] args) { }
                public static void LogError(this ILogger logger, System.Exception exception, string message, params object[] args) { }
                public static void LogCritical(this ILogger logger, string message, params object[] args) { }
                public static void Log(this ILogger logger, LogLevel logLevel, string message, params object[] args) { }
                public static System.IDisposable BeginScope(this ILogger logger, string messageFormat, params object[] args) => null;
            }

            public static class LoggerMessage
            {
                public static System.Action<ILogger, T1, System.Exception> Define<T1>(LogLevel logLevel, EventId eventId, string formatString) => (logger, arg, exception) => { };
                public static System.Action<ILogger, T1, T2, System.Exception> Define<T1, T2>(LogLevel logLevel, EventId eventId, string formatString) => (logger, arg1, arg2, exception) => { };
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class LoggerMessageAttribute : System.Attribute
            {
                public LoggerMessageAttribute() { }
                public LoggerMessageAttribute(int eventId, LogLevel level, string message) { }
                public int EventId { get; set; }
                public LogLevel Level { get; set; }
                public string Message { get; set; }
            }
        }

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string this[string key] { get; set; }
                IConfigurationSection GetSection(string key);
            }

            public interface IConfigurationSection : IConfiguration
            {
                string Key { get; }
                string Value { get; set; }
            }

            public interface IConfigurationRoot : IConfiguration { }

            public static class ConfigurationBinder
            {
                public static T GetValue<T>(this IConfiguration configuration, string key) => default(T);
                public static T GetValue<T>(this IConfiguration configuration, string key, T defaultValue) => defaultValue;
            }

            public static class ConfigurationExtensions
            {
                public static string GetConnectionString(this IConfiguration configuration, string name) => null;
            }
        }

        namespace Serilog
        {
            public interface ILogger
            {
                void Information(string messageTemplate, params object[] propertyValues);
                void Debug(string messageTemplate, params object[] propertyValues);
                void Warning(string messageTemplate, params object[] propertyValues);
                void Error(System.Exception exception, string messageTemplate, params object[] propertyValues);
                ILogger ForContext(string propertyName, object value, bool destructureObjects = false);
            }

            public static class Log
            {
                public static ILogger Logger { get; set; }
                public static void Information(string messageTemplate, params object[] propertyValues) { }
                public static void Debug(string messageTemplate, params object[] propertyValues) { }
                public static void Warning(string messageTemplate, params object[] propertyValues) { }
                public static void Error(System.Exception exception, string messageTemplate, params object[] propertyValues) { }
            }
        }

        namespace NLog
        {
            public interface ILogger
            {
                void Info(string message, params object[] args);
                void Debug(string message, params object[] args);
                void Warn(string message, params object[] args);
                void Error(string message, params object[] args);
            }

            public class Logger : ILogger
            {
                public void Info(string message, params object[] args) { }
                public void Debug(string message, params object[] args) { }
                public void Warn(string message, params object[] args) { }
                public void Error(string message, params object[] args) { }
            }

            public static class LogManager
            {
                public static Logger GetCurrentClassLogger() => new Logger();
            }
        }

        namespace log4net
        {
            public interface ILog
            {
                void Info(object message);
                void Debug(object message);
                void Warn(object message);
                void Error(object message, System.Exception exception);
                void InfoFormat(string format, params object[] args);
            }

            public static class LogManager
            {
                public static ILog GetLogger(System.Type type) => null;
            }
        }
        """;
}
