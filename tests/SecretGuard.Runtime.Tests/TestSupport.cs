using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecretGuard.Crypto;
using SecretGuard.Keys;

namespace SecretGuard.Tests;

/// <summary>A real folder under the temp directory, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sg-rt-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Fresh master keys and the rings and key files built from them.</summary>
internal static class TestKeys
{
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static KeyRing Ring(string env, string currentBase64, string? previousBase64 = null) =>
        new(env,
            KeyDerivation.Derive(MasterKey.FromBase64(currentBase64, "test"), env),
            previousBase64 is null ? null : KeyDerivation.Derive(MasterKey.FromBase64(previousBase64, "test previous"), env),
            "set the test key");

    public static string Encrypt(string env, string masterBase64, string keyName, string plaintext) =>
        SecretCipher.Encrypt(KeyDerivation.Derive(MasterKey.FromBase64(masterBase64, "test"), env), keyName, plaintext);

    /// <summary>A variable-name template nobody else uses, so tests can set real process variables in parallel.</summary>
    public static string UniqueVariableTemplate() => "SG_TEST_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "_{ENV}";
}

/// <summary>An ILogger that keeps every rendered message, to prove what reaches logs.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, eventId, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
        }
    }
}

/// <summary>Tests that change process-wide state (environment variables, the static Secrets) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "process state";
}

/// <summary>Sets process environment variables for one test and restores them.</summary>
public sealed class EnvironmentVariables : IDisposable
{
    private readonly Dictionary<string, string?> _saved = new();

    public EnvironmentVariables Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name))
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    /// <summary>Clears every variable that chooses the environment or the key file, so the machine's own cannot leak in.</summary>
    public EnvironmentVariables ClearSecretGuardState()
    {
        foreach (var name in new[] { "SECRETGUARD_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "SECRETGUARD_KEY_FILE", "SECRETGUARD_RECIPIENTS_FILE", "SECRETGUARD_KEY_DEV", "SECRETGUARD_KEY_PROD", "SECRETGUARD_KEY_INT", "SECRETGUARD_KEY_DEV_PREVIOUS", "SECRETGUARD_KEY_PROD_PREVIOUS" })
        {
            Set(name, null);
        }

        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>An ILoggerFactory that records every event of every logger it made: category, id, message and each structured field.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    public List<RecordedEvent> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    public List<RecordedEvent> Snapshot()
    {
        lock (Events)
        {
            return new List<RecordedEvent>(Events);
        }
    }

    /// <summary>Every string an event carries: category, event name, message and every field value.</summary>
    public IEnumerable<string> AllStrings() => Snapshot().SelectMany(e => e.Strings());

    private sealed class CategoryLogger(RecordingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = new Dictionary<string, string?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (name, value) in pairs)
                {
                    fields[name] = value?.ToString();
                }
            }

            lock (factory.Events)
            {
                factory.Events.Add(new RecordedEvent(category, logLevel, eventId, formatter(state, exception), fields, exception?.ToString()));
            }
        }
    }
}

public sealed record RecordedEvent(string Category, LogLevel Level, EventId Id, string Message, IReadOnlyDictionary<string, string?> Fields, string? Exception)
{
    public IEnumerable<string> Strings()
    {
        yield return Category;
        yield return Id.Name ?? string.Empty;
        yield return Message;
        if (Exception is not null)
        {
            yield return Exception;
        }

        foreach (var (name, value) in Fields)
        {
            yield return name;
            yield return value ?? string.Empty;
        }
    }
}

/// <summary>Waits for something a background thread does (a reload after a file change).</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int timeoutMilliseconds = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new Xunit.Sdk.XunitException("Timed out after " + timeoutMilliseconds + " ms waiting for: " + what);
            }

            System.Threading.Thread.Sleep(25);
        }
    }
}
