// Prelude for the SG0004-SG0006 accuracy corpus (see README.md in this folder): global usings and minimal stubs of
// the logging and configuration libraries the snippets call, with the real libraries' type and member names.
// This file is corpus data: the test project must not compile it into itself (<Compile Remove="Corpus/**" />).
#nullable disable

global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.IO;
global using System.Linq;
global using System.Runtime.InteropServices;
global using System.Security;
global using System.Security.Cryptography;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.Logging;
global using SecretGuard;

namespace SecretGuard
{
    public static class Secrets
    {
        public static string Get(string name) => name;
        public static bool TryGet(string name, out string value) { value = name; return true; }
        public static string Redact(string value) => string.Empty;
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
        void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter);
        bool IsEnabled(LogLevel logLevel);
        IDisposable BeginScope<TState>(TState state);
    }

    public interface ILogger<out TCategoryName> : ILogger { }

    public static class LoggerExtensions
    {
        public static void LogTrace(this ILogger logger, string message, params object[] args) { }
        public static void LogDebug(this ILogger logger, string message, params object[] args) { }
        public static void LogInformation(this ILogger logger, string message, params object[] args) { }
        public static void LogWarning(this ILogger logger, string message, params object[] args) { }
        public static void LogError(this ILogger logger, string message, params object[] args) { }
        public static void LogError(this ILogger logger, Exception exception, string message, params object[] args) { }
        public static void LogCritical(this ILogger logger, string message, params object[] args) { }
        public static IDisposable BeginScope(this ILogger logger, string messageFormat, params object[] args) => null;
    }

    public static class LoggerMessage
    {
        public static Action<ILogger, T1, Exception> Define<T1>(LogLevel logLevel, EventId eventId, string formatString) => (l, a, e) => { };
        public static Action<ILogger, T1, T2, Exception> Define<T1, T2>(LogLevel logLevel, EventId eventId, string formatString) => (l, a, b, e) => { };
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class LoggerMessageAttribute : Attribute
    {
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

    public static class ConfigurationBinder
    {
        public static T GetValue<T>(this IConfiguration configuration, string key) => default;
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
        void Warning(string messageTemplate, params object[] propertyValues);
        void Error(Exception exception, string messageTemplate, params object[] propertyValues);
        ILogger ForContext(string propertyName, object value, bool destructureObjects = false);
    }

    public static class Log
    {
        public static void Information(string messageTemplate, params object[] propertyValues) { }
        public static void Debug(string messageTemplate, params object[] propertyValues) { }
        public static void Warning(string messageTemplate, params object[] propertyValues) { }
        public static void Error(Exception exception, string messageTemplate, params object[] propertyValues) { }
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
        void Error(object message, Exception exception);
        void InfoFormat(string format, params object[] args);
    }
}

namespace SecretGuard.SensitivityCorpus
{
    public sealed class Worker { }

    public sealed class AuthOptions
    {
        public string ClientId { get; set; }
        public string ClientSecret { get; set; }
        public string TokenEndpoint { get; set; }
        public string ApiKeyHeaderName { get; set; }
        public string SigningKey { get; set; }
        public int TokenLifetimeMinutes { get; set; }
    }

    public sealed class User
    {
        public string Name { get; set; }
        public string Email { get; set; }
        public string PasswordHash { get; set; }
        public string Password { get; set; }
        public string TotpSecret { get; set; }
        public int Id { get; set; }
    }
}
