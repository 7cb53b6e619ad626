using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.SecretReads;

/// <summary>
/// Configuration an app builds itself (<c>new ConfigurationBuilder()...Build()</c>) from environment variables or an env
/// file, without SecretGuard's provider: its <c>*_SECRET</c> keys hold what the build wrote, the ciphertext. The app's
/// host configuration (<c>builder.Configuration</c>, an injected <c>IConfiguration</c>) is not judged here: the builder
/// must be made in the same member, as a fresh <c>new ConfigurationBuilder()</c> or a local holding one.
/// </summary>
internal static class ConfigurationBuilders
{
    private const int MaxChain = 32;

    /// <summary>Whether <paramref name="build"/> (a <c>Build()</c> returning <c>IConfigurationRoot</c>) builds raw env entries.</summary>
    public static bool BuildsRawConfiguration(IInvocationOperation build)
    {
        var state = new Chain();
        return Walk(Receiver(build), state, 0) && state.Raw && !state.Decrypts;
    }

    public static bool IsBuild(IInvocationOperation call) =>
        call.TargetMethod is { Name: "Build", ReturnType: { Name: "IConfigurationRoot" } returned } &&
        returned.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";

    /// <summary>The receiver of a call: the instance, or an extension method's <c>this</c> argument.</summary>
    public static IOperation? Receiver(IInvocationOperation call)
    {
        if (call.Instance is not null)
        {
            return call.Instance;
        }

        if (call.TargetMethod.IsExtensionMethod)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="argument"/> is the <c>this</c> argument of an extension method call.</summary>
    public static bool IsExtensionReceiver(IArgumentOperation argument) =>
        argument.Parameter?.Ordinal == 0 && argument.Parent is IInvocationOperation { TargetMethod.IsExtensionMethod: true };

    // Down the fluent chain to its start; a local builder also has every call made on it anywhere in the member counted.
    private static bool Walk(IOperation? receiver, Chain state, int depth)
    {
        var operation = receiver is null ? null : ValueFlow.Unwrap(receiver);
        for (var steps = 0; operation is IInvocationOperation call; steps++)
        {
            if (steps > MaxChain)
            {
                return false;
            }

            Note(call, state);
            operation = Receiver(call) is { } next ? ValueFlow.Unwrap(next) : null;
        }

        switch (operation)
        {
            case IObjectCreationOperation { Type: { Name: "ConfigurationBuilder" } type }
                when type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration":
                return true;
            case ILocalReferenceOperation local when depth < 4:
                return WalkLocal(local, state, depth);
            default:
                // A parameter, field or property: the host's builder, or one made elsewhere. Not judged.
                return false;
        }
    }

    private static bool WalkLocal(ILocalReferenceOperation local, Chain state, int depth)
    {
        if (!state.Locals.Add(local.Local))
        {
            return true;
        }

        var root = ValueFlow.Root(local);
        var writes = ValueFlow.ValuesWrittenTo(local.Local, root);
        if (writes.Count == 0)
        {
            return false;
        }

        foreach (var write in writes)
        {
            if (write is IArgumentOperation || !Walk(write, state, depth + 1))
            {
                return false;
            }
        }

        foreach (var read in ValueFlow.ReadsOf(local.Local, root))
        {
            // builder.AddEnvironmentVariables().AddSecretGuard(); and so on, up the chain from each use.
            IOperation current = read;
            for (var steps = 0; steps < MaxChain; steps++)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = current.Parent;
                }

                if (parent is IInvocationOperation call && call.Instance == current)
                {
                    Note(call, state);
                    current = call;
                }
                else if (parent is IArgumentOperation argument && IsExtensionReceiver(argument))
                {
                    var extension = (IInvocationOperation)argument.Parent!;
                    Note(extension, state);
                    current = extension;
                }
                else if (parent is IArgumentOperation)
                {
                    // Handed to a helper that may add SecretGuard's provider: not judged.
                    return false;
                }
                else
                {
                    break;
                }
            }
        }

        return true;
    }

    private static void Note(IInvocationOperation call, Chain state)
    {
        switch (call.TargetMethod.Name)
        {
            case "AddSecretGuard":
                state.Decrypts = true;
                break;
            case "AddEnvironmentVariables":
            case "AddDotNetEnv":
                state.Raw = true;
                break;
            case "AddIniFile":
                // An env file read as INI (KEY=value lines).
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.Name == "path" && argument.Value.ConstantValue is { HasValue: true, Value: string path } &&
                        FileName(path).StartsWith(".env", StringComparison.OrdinalIgnoreCase))
                    {
                        state.Raw = true;
                    }
                }

                break;
        }
    }

    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    private sealed class Chain
    {
        public bool Raw { get; set; }

        public bool Decrypts { get; set; }

        public HashSet<ILocalSymbol> Locals { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
    }
}
