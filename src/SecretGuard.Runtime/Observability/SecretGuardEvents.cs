using System;
using Microsoft.Extensions.Logging;

namespace SecretGuard.Observability;

/// <summary>
/// The audit events, defined once with <see cref="LoggerMessage"/> (structured fields, no formatting when the level is
/// off). Every argument is a name, a path, a kid, a source, a count or a reason: callers never pass a value or a key.
/// </summary>
internal sealed class SecretGuardEvents
{
    private static readonly Action<ILogger, string, string, string, string, Exception?> KeyFoundWithSourceMessage =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Information, new EventId(SecretGuardEventIds.KeyFound, "KeyFound"),
            "SecretGuard key found for {Environment}: {KeyRole} key {Kid} from {KeySource}");

    private static readonly Action<ILogger, string, string, Exception?> KeyMissingMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(SecretGuardEventIds.KeyMissing, "KeyMissing"),
            "No SecretGuard master key for {Environment} was found: {Advice}");

    private static readonly Action<ILogger, string, string, string, string, Exception?> ValueDecryptedMessage =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Information, new EventId(SecretGuardEventIds.ValueDecrypted, "ValueDecrypted"),
            "Decrypted {KeyName} for {Environment} with the {KeyRole} key {Kid}");

    private static readonly Action<ILogger, string, string?, int?, string?, string, SecretGuardErrorReason, string, string, Exception?> DecryptionFailedMessage =
        LoggerMessageDefine8();

    private static readonly Action<ILogger, string, int, int, long, string, Exception?> ReloadedMessage =
        LoggerMessage.Define<string, int, int, long, string>(LogLevel.Information, new EventId(SecretGuardEventIds.Reloaded, "Reloaded"),
            "SecretGuard reloaded the secrets of {Environment}: {ValueCount} values, {PreviousKeyValueCount} on the previous key, in {ElapsedMilliseconds} ms after a change to {ChangedFile}");

    private static readonly Action<ILogger, string, int, string, string, Exception?> ReloadFailedMessage =
        LoggerMessage.Define<string, int, string, string>(LogLevel.Error, new EventId(SecretGuardEventIds.ReloadFailed, "ReloadFailed"),
            "SecretGuard kept the last good secrets of {Environment}: a change to {ChangedFile} left {ProblemCount} problems ({Problems})");

    private static readonly Action<ILogger, string, string, string, string, Exception?> PolicyViolationMessage =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Error, new EventId(SecretGuardEventIds.PolicyViolation, "PolicyViolation"),
            "{KeyName} breaks the SecretGuard {Rule} in {Environment}: {Violation}");

    private static readonly Action<ILogger, string, string, string, Exception?> PreviousKeyInUseMessage =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(SecretGuardEventIds.PreviousKeyInUse, "PreviousKeyInUse"),
            "{KeyName} decrypts only with the previous {Environment} key {Kid}: deploy the re-encrypted env file, then finish the rotation");

    private static readonly Action<ILogger, string, string?, int, string, Exception?> PlaintextSecretMessage =
        LoggerMessage.Define<string, string?, int, string>(LogLevel.Warning, new EventId(SecretGuardEventIds.PlaintextSecret, "PlaintextSecret"),
            "{KeyName} in {File} line {Line} is not encrypted; the next build encrypts it ({Environment})");

    // The same event, an error: a plaintext from where SecretGuardOptions.PlaintextSecrets does not accept one.
    private static readonly Action<ILogger, string, string?, int, string, Exception?> PlaintextSecretRefusedMessage =
        LoggerMessage.Define<string, string?, int, string>(LogLevel.Error, new EventId(SecretGuardEventIds.PlaintextSecret, "PlaintextSecret"),
            "{KeyName} in {File} line {Line} is not encrypted, and plaintext secrets from there are not accepted in {Environment} (PlaintextSecrets)");

    private readonly ILogger? _logger;

    public SecretGuardEvents(SecretGuardOptions options)
    {
        _logger = options.Logger ?? options.LoggerFactory?.CreateLogger(SecretGuardEventIds.Category);
    }

    public void KeyFound(string environment, string role, string kid, string source)
    {
        if (_logger is not null)
        {
            KeyFoundWithSourceMessage(_logger, environment, role, kid, source, null);
        }
    }

    public void KeyMissing(string environment, string advice)
    {
        if (_logger is not null)
        {
            KeyMissingMessage(_logger, environment, advice, null);
        }
    }

    public void ValueDecrypted(string keyName, string environment, string role, string kid)
    {
        if (_logger is not null)
        {
            ValueDecryptedMessage(_logger, keyName, environment, role, kid, null);
        }
    }

    public void DecryptionFailed(string keyName, string environment, SecretGuardException failure)
    {
        if (_logger is not null)
        {
            DecryptionFailedMessage(_logger, keyName, failure.FilePath, failure.Line, failure.Kid, failure.ErrorCode, failure.Reason, environment, failure.Message, null);
        }
    }

    public void Reloaded(string environment, int valueCount, int previousKeyValueCount, long elapsedMilliseconds, string changedFile)
    {
        if (_logger is not null)
        {
            ReloadedMessage(_logger, environment, valueCount, previousKeyValueCount, elapsedMilliseconds, changedFile, null);
        }
    }

    public void ReloadFailed(string environment, string changedFile, SecretGuardException failure)
    {
        if (_logger is not null)
        {
            var problems = string.Join("; ", System.Linq.Enumerable.Select(failure.Problems, p => p.Describe()));
            ReloadFailedMessage(_logger, environment, failure.Problems.Count, problems, changedFile, null);
        }
    }

    public void PolicyViolation(string keyName, string rule, string environment, string violation)
    {
        if (_logger is not null)
        {
            PolicyViolationMessage(_logger, keyName, rule, environment, violation, null);
        }
    }

    public void PreviousKeyInUse(string keyName, string environment, string kid)
    {
        if (_logger is not null)
        {
            PreviousKeyInUseMessage(_logger, keyName, environment, kid, null);
        }
    }

    public void PlaintextSecret(string keyName, string? file, int line, string environment)
    {
        if (_logger is not null)
        {
            PlaintextSecretMessage(_logger, keyName, file, line, environment, null);
        }
    }

    public void PlaintextSecretRefused(string keyName, string? file, int line, string environment)
    {
        if (_logger is not null)
        {
            PlaintextSecretRefusedMessage(_logger, keyName, file, line, environment, null);
        }
    }

    // LoggerMessage.Define stops at six arguments: the failure event has eight fields, so it is written by hand with
    // the same shape (a structured state with {OriginalFormat}).
    private static Action<ILogger, string, string?, int?, string?, string, SecretGuardErrorReason, string, string, Exception?> LoggerMessageDefine8()
    {
        var id = new EventId(SecretGuardEventIds.DecryptionFailed, "DecryptionFailed");
        return (logger, keyName, file, line, kid, code, reason, environment, message, exception) =>
        {
            if (!logger.IsEnabled(LogLevel.Error))
            {
                return;
            }

            var state = new DecryptionFailedState(keyName, file, line, kid, code, reason, environment, message);
            logger.Log(LogLevel.Error, id, state, exception, static (s, _) => s.ToString());
        };
    }
}
