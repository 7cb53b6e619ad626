using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecretGuard.Configuration;

namespace SecretGuard.HealthChecks.Tests;

public sealed class ApiOptions
{
    public string Token { get; set; } = string.Empty;
}

/// <summary>
/// A real ASP.NET Core app in the test process: Kestrel on 127.0.0.1 with a port the system picks (0), SecretGuard as a
/// configuration source with ReloadOnChange and ValidateOnStart, <c>/health</c> from <c>AddHealthChecks().AddSecretGuard()</c>,
/// and <c>/token</c>, which reads <c>Api:Token</c> through <c>IOptionsMonitor</c> on every request.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, RecordingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        var address = app.Urls.Single();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public SecretGuardConfigurationProvider Provider =>
        ((IConfigurationRoot)_app.Services.GetRequiredService<IConfiguration>()).Providers.OfType<SecretGuardConfigurationProvider>().Single();

    /// <summary>Builds and starts the app; configuration (and so ValidateOnStart) runs in <c>AddSecretGuard</c>.</summary>
    public static async Task<TestApp> StartAsync(Deployment deployment, RecordingLoggerProvider? logs = null, Action<SecretGuardOptions>? configure = null)
    {
        logs ??= new RecordingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = deployment.App,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);

        // Configuration is built before the app's logging exists: audit events get their own factory over the same sink.
        var auditLogging = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        builder.Configuration.AddSecretGuard(o =>
        {
            o.BaseDirectory = deployment.App;
            o.Environment = Deployment.Environment;
            o.KeyFilePath = deployment.KeyFilePath;
            o.KeyVariable = deployment.KeyVariable;
            o.ReloadOnChange = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(100);
            o.ValidateOnStart = true;
            o.LoggerFactory = auditLogging;
            configure?.Invoke(o);
        });
        builder.Services.Configure<ApiOptions>(builder.Configuration.GetSection("Api"));
        builder.Services.AddHealthChecks().AddSecretGuard();

        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapGet("/token", (IOptionsMonitor<ApiOptions> options) => options.CurrentValue.Token);
        await app.StartAsync();
        return new TestApp(app, logs);
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls <c>/health</c> until it reports <paramref name="expected"/>.</summary>
    public async Task WaitForHealthAsync(string expected, int timeoutMilliseconds = 20_000)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        var last = string.Empty;
        while (Environment.TickCount64 < deadline)
        {
            last = (await GetAsync("/health")).Body;
            if (last == expected)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("/health said '" + last + "', not '" + expected + "', for " + timeoutMilliseconds + " ms");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Records every log event (category, id, message, structured fields) of every logger.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, EventId Id, string Message, Dictionary<string, string?> Fields)> _events = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public List<(string Category, EventId Id, string Message, Dictionary<string, string?> Fields)> Snapshot()
    {
        lock (_events)
        {
            return _events.ToList();
        }
    }

    /// <summary>Every string an event carries.</summary>
    public IEnumerable<string> AllStrings() =>
        Snapshot().SelectMany(e => new[] { e.Category, e.Id.Name ?? string.Empty, e.Message }.Concat(e.Fields.SelectMany(f => new[] { f.Key, f.Value ?? string.Empty })));

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider owner, string category) : ILogger
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
                    fields[name] = value is System.Collections.IEnumerable list and not string ? string.Join(",", list.Cast<object?>()) : value?.ToString();
                }
            }

            var message = formatter(state, exception) + (exception is null ? string.Empty : " " + exception);
            lock (owner._events)
            {
                owner._events.Add((category, eventId, message, fields));
            }
        }
    }
}
