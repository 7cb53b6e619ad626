using System;
using System.Diagnostics.CodeAnalysis;

namespace SecretGuard;

/// <summary>
/// Reads secrets in the running app: <c>Secrets.Get("STRIPE_API_KEY_SECRET")</c>. A name is looked up once — a
/// process environment variable first, then the active env file — decrypted when it carries the active
/// environment's <c>&lt;ENV&gt;_ENC:</c> prefix, and cached for the process. Thread-safe.
/// </summary>
public static class Secrets
{
    private const string Redacted = "[redacted]";

    private static readonly object Gate = new();
    private static SecretGuardOptions _options = new();
    private static volatile SecretStore? _store;

    /// <summary>Sets options; call it before the first <see cref="Get"/> or <see cref="TryGet"/>.</summary>
    /// <exception cref="InvalidOperationException">A value was already read with the earlier options.</exception>
    public static void Configure(Action<SecretGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        lock (Gate)
        {
            if (_store is not null)
            {
                throw new InvalidOperationException("Secrets.Configure must be called before the first Secrets.Get or Secrets.TryGet: values were already read with the earlier options.");
            }

            var options = _options.Clone();
            configure(options);
            if (options.ValidateOnStart)
            {
                // Fail here, at startup, with every problem at once, instead of at the first Get of a broken value.
                var store = new SecretStore(options);
                var status = Validate(store);
                if (status.Problems.Count > 0)
                {
                    store.ReleaseKeys();
                    throw SecretGuardException.FromProblems(status.Problems, store.Environment.Name);
                }

                _store = store;
            }

            _options = options;
        }
    }

    /// <summary>
    /// Decrypts every entry of the active env file once (a process variable of the same name wins, as in
    /// <see cref="Get"/>), checks every rule, and reports the result — what the health check shows for apps that
    /// use <see cref="Secrets"/> without the configuration provider. Computed once: the values do not change while
    /// the process runs. Never throws for a broken value: that is a problem in the status.
    /// </summary>
    public static SecretGuardStatus GetStatus()
    {
        var store = _store ?? CreateStore();
        lock (Gate)
        {
            return store.Status ??= Validate(store);
        }
    }

    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="SecretGuardException">
    /// Not found (SG1014), encrypted for another environment (SG1005), undecryptable or damaged (SG1006), no key
    /// (SG1012), a plaintext secret from a source <see cref="SecretGuardOptions.PlaintextSecrets"/> does not accept
    /// (SG1004). The message never contains the value.
    /// </exception>
    public static string Get(string name)
    {
        var store = _store ?? CreateStore();
        if (store.Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        ArgumentException.ThrowIfNullOrEmpty(name);
        return store.TryResolve(name, out var value) ? value : throw store.NotFound(name);
    }

    /// <summary>
    /// The value of <paramref name="name"/>, or false when it is set nowhere. A value that is there but cannot be
    /// decrypted still throws: a broken secret is never mistaken for a missing one.
    /// </summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var store = _store ?? CreateStore();
        if (store.TryResolve(name, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>A form of a value that is safe to log: it shows whether there was a value, never any of it.</summary>
    public static string Redact(string? value) => value is null ? "[null]" : value.Length == 0 ? "[empty]" : Redacted;

    /// <summary>The environment the values are read for, and how it was decided.</summary>
    public static ActiveEnvironment Environment => (_store ?? CreateStore()).Environment;

    // Tests start each case from a clean slate.
    internal static void Reset()
    {
        lock (Gate)
        {
            _store = null;
            _options = new SecretGuardOptions();
        }
    }

    private static SecretGuardStatus Validate(SecretStore store)
    {
        try
        {
            return store.Inspect(variablesFirst: true, strictKeys: true).ToStatus(DateTimeOffset.UtcNow);
        }
        catch (SecretGuardException ex)
        {
            // The env file itself cannot be read.
            return new SecretGuardStatus(store.Environment.Name, null, Array.Empty<string>(), ex.Problems, Array.Empty<string>(), 0, DateTimeOffset.UtcNow);
        }
    }

    private static SecretStore CreateStore()
    {
        lock (Gate)
        {
            return _store ??= new SecretStore(_options);
        }
    }
}
