using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// The sensitivity model's source side: whether a value holds a secret, and which part of the expression carries it.
/// A value is secret when it is read from a symbol with a sensitive name (field, property, parameter, local, method),
/// comes from a secret source (<c>Secrets.Get</c>/<c>TryGet</c>, a configuration entry or environment variable whose
/// key is sensitive or ends in <c>_SECRET</c>, <c>GetConnectionString</c>, a <c>SecureString</c> converted back to
/// text), or is built from such a value within the method: through locals, assignments, interpolation,
/// concatenation, <c>string.Format</c>/<c>Concat</c>/<c>Join</c>, <c>ToString()</c> and other string transformations.
/// A redacted form (<c>Secrets.Redact</c>), a hash, a length, a count or a null check is not secret.
/// Types are resolved once per compilation.
/// </summary>
internal sealed class SensitiveValues
{
    private readonly INamedTypeSymbol? _secrets;
    private readonly INamedTypeSymbol? _environment;
    private readonly INamedTypeSymbol? _marshal;
    private readonly INamedTypeSymbol? _hashAlgorithm;
    private readonly INamedTypeSymbol? _secureString;

    private SensitiveValues(Compilation compilation)
    {
        _secrets = compilation.GetTypeByMetadataName("SecretGuard.Secrets");
        _environment = compilation.GetTypeByMetadataName("System.Environment");
        _marshal = compilation.GetTypeByMetadataName("System.Runtime.InteropServices.Marshal");
        _hashAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm");
        _secureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
    }

    public static SensitiveValues For(Compilation compilation) => new SensitiveValues(compilation);

    /// <summary>
    /// The operation inside <paramref name="value"/> that carries a secret — the secret symbol in <c>$"pw={password}"</c>,
    /// the local in <c>Log(message)</c> when <c>message</c> was built from one — or null when the value is not secret.
    /// </summary>
    public IOperation? FindCarrier(IOperation value, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken) =>
        Carrier(value, new SensitivityContext(names, naming), new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);

    /// <summary>Whether the value holds a secret (anywhere in it).</summary>
    public bool IsSecret(IOperation value, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken) =>
        FindCarrier(value, names, naming, cancellationToken) is not null;

    private IOperation? Carrier(IOperation value, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > ValueFlow.MaxDepth || ValueFlow.IsNonTextType(value.Type))
        {
            return null;
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Carrier(conversion.Operand, names, visited, depth, cancellationToken);
            case IParenthesizedOperation parenthesized:
                return Carrier(parenthesized.Operand, names, visited, depth, cancellationToken);
            case ILiteralOperation:
                return null;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && Carrier(interpolation.Expression, names, visited, depth, cancellationToken) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                return Carrier(binary.LeftOperand, names, visited, depth, cancellationToken) ?? Carrier(binary.RightOperand, names, visited, depth, cancellationToken);
            case IConditionalOperation conditional:
                return conditional.WhenTrue is null ? null :
                    Carrier(conditional.WhenTrue, names, visited, depth, cancellationToken) ?? (conditional.WhenFalse is null ? null : Carrier(conditional.WhenFalse, names, visited, depth, cancellationToken));
            case ICoalesceOperation coalesce:
                return Carrier(coalesce.Value, names, visited, depth, cancellationToken) ?? Carrier(coalesce.WhenNull, names, visited, depth, cancellationToken);
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (Carrier(element, names, visited, depth, cancellationToken) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case { Kind: NewerOperations.CollectionExpression }:
                // [user, password] or the params ReadOnlySpan of string.Format/Concat/Join on .NET 9+.
                foreach (var element in NewerOperations.Elements(value))
                {
                    if (Carrier(element, names, visited, depth, cancellationToken) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IAnonymousObjectCreationOperation anonymous:
                foreach (var initializer in anonymous.Initializers)
                {
                    if (initializer is IAssignmentOperation assignment &&
                        (Carrier(assignment.Value, names, visited, depth, cancellationToken) is { } inner))
                    {
                        return inner;
                    }
                }

                return null;
            case ILocalReferenceOperation local:
                if (names.Names.IsCredentialName(local.Local.Name) && !IsSanitizedName(local.Local.Name))
                {
                    // A local given only constants (var passwordOrKey = isCert ? "key" : "password") holds no secret
                    // from outside: logging it leaks nothing, and a hardcoded credential is SG0002's.
                    // So is one given only text a pattern cut from plain text: a template engine's or lexer's token.
                    var context = names;
                    return HoldsOnlyConstants(local) ||
                           RegexMatchedText.HoldsOnlyPlainMatchedText(
                               local,
                               input => Carrier(input, context, new HashSet<ISymbol>(visited, SymbolEqualityComparer.Default), depth + 1, cancellationToken) is not null,
                               pattern => PatternNamesCredential(pattern, context))
                        ? null
                        : local;
                }

                if (!visited.Add(local.Local))
                {
                    return null;
                }

                var root = ValueFlow.Root(local);
                foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, root))
                {
                    if (Carrier(written, names, visited, depth + 1, cancellationToken) is not null)
                    {
                        return local;
                    }
                }

                return null;
            case IParameterReferenceOperation parameter:
                return names.Names.IsCredentialName(parameter.Parameter.Name) && !IsSanitizedName(parameter.Parameter.Name) ? parameter : null;
            case IFieldReferenceOperation field:
                return names.Names.IsCredentialName(field.Field.Name) && !IsSanitizedName(field.Field.Name) && !IsRedactedConstant(field.Field) ? field : null;
            case IPropertyReferenceOperation property:
                return PropertyCarrier(property, names);
            case IArgumentOperation { Parent: IInvocationOperation call } written:
                // An out argument: Secrets.TryGet("X_SECRET", out var v), values.TryGetValue("Db:Password", out var v).
                return (_secrets is not null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _secrets) && call.TargetMethod.Name == "TryGet") ||
                       (call.TargetMethod.Name == "TryGetValue" && FirstConstant(call) is string key && IsSecretKey(key, names))
                    ? written
                    : null;
            case IInvocationOperation invocation:
                return InvocationCarrier(invocation, names, visited, depth, cancellationToken);
            case IObjectCreationOperation creation when creation.Type?.SpecialType == SpecialType.System_String:
                // new string(passwordChars)
                foreach (var argument in creation.Arguments)
                {
                    if (Carrier(argument.Value, names, visited, depth, cancellationToken) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static IOperation? PropertyCarrier(IPropertyReferenceOperation property, SensitivityContext names)
    {
        // config["Db:Password"], config["STRIPE_KEY_SECRET"], Environment.GetEnvironmentVariables()["X_SECRET"]
        if (property.Property.IsIndexer)
        {
            return property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && IsSecretKey(key, names)
                ? property
                : null;
        }

        // config.GetSection("Jwt:Secret").Value
        if (property.Property.Name == "Value" && property.Instance is IInvocationOperation { TargetMethod.Name: "GetSection" } section &&
            section.Arguments.Length >= 1 && section.Arguments[section.Arguments.Length - 1].Value.ConstantValue is { HasValue: true, Value: string sectionKey })
        {
            return IsSecretKey(sectionKey, names) ? property : null;
        }

        return names.Names.IsCredentialName(property.Property.Name) && !IsSanitizedName(property.Property.Name) && !IsResourceString(property.Property)
            ? property
            : null;
    }

    /// <summary>
    /// Words that say a value was made safe to show: <c>SanitizedUrl</c>, <c>RedactedToken</c>, <c>MaskedApiKey</c>,
    /// <c>UserFacingConnectionString</c> (a connection string with the password taken out). The value is a form of the
    /// secret meant for logs and people; the code that made it is the place to review, not each log call.
    /// </summary>
    private static bool IsSanitizedName(string name)
    {
        foreach (var word in SanitizingWords)
        {
            if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] SanitizingWords =
    {
        "Sanitized", "Sanitised", "Redacted", "Masked", "Scrubbed", "Obfuscated", "Censored", "Truncated", "UserFacing", "Loggable", "Printable",
    };

    /// <summary>
    /// A localized message: a static string property of a resource class (a <c>.resx</c> designer class, which has a
    /// static <c>ResourceManager</c>). Its name describes the message (<c>Strings.InvalidPassword</c>,
    /// <c>Resources.TokenExpired</c>); its value is text for people, the same in every installation.
    /// </summary>
    private static bool IsResourceString(IPropertySymbol property)
    {
        if (!property.IsStatic || property.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        foreach (var member in property.ContainingType.GetMembers("ResourceManager"))
        {
            if (member is IPropertySymbol { IsStatic: true, Type.Name: "ResourceManager" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsOnlyConstants(ILocalReferenceOperation local)
    {
        var any = false;
        foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local)))
        {
            if (!written.ConstantValue.HasValue && !IsConstantChoice(written))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // A pattern that names what it cuts out (access_token=(\w+), Bearer\s+(.+), (?<password>...)) cuts a credential.
    private static bool PatternNamesCredential(string pattern, SensitivityContext names)
    {
        var start = -1;
        for (var i = 0; i <= pattern.Length; i++)
        {
            var letter = i < pattern.Length && char.IsLetter(pattern[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = pattern.Substring(start, i - start);
                if (names.Names.IsCredentialName(word) || word.Equals("bearer", StringComparison.OrdinalIgnoreCase) ||
                    word.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                start = -1;
            }
        }

        return false;
    }

    // cond ? "key" : "password": constants on both sides, whatever the condition.
    private static bool IsConstantChoice(IOperation value) =>
        ValueFlow.Unwrap(value) is IConditionalOperation { WhenFalse: { } whenFalse } conditional &&
        (conditional.WhenTrue.ConstantValue.HasValue || IsConstantChoice(conditional.WhenTrue)) &&
        (whenFalse.ConstantValue.HasValue || IsConstantChoice(whenFalse));

    private IOperation? InvocationCarrier(IInvocationOperation invocation, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;

        if (_secrets is not null && SymbolEqualityComparer.Default.Equals(type, _secrets))
        {
            // Secrets.Get/TryGet return the plaintext; Secrets.Redact is the way to log it.
            return method.Name is "Get" or "TryGet" ? invocation : null;
        }

        if (IsHash(method))
        {
            return null;
        }

        if (_environment is not null && SymbolEqualityComparer.Default.Equals(type, _environment))
        {
            return method.Name == "GetEnvironmentVariable" && FirstConstant(invocation) is string variable && IsSecretKey(variable, names) ? invocation : null;
        }

        if (_marshal is not null && SymbolEqualityComparer.Default.Equals(type, _marshal))
        {
            // Marshal.PtrToStringBSTR(Marshal.SecureStringToBSTR(secure)): a SecureString back as text.
            return method.Name.StartsWith("PtrToString", StringComparison.Ordinal) && invocation.Arguments.Length >= 1 &&
                   ComesFromSecureString(invocation.Arguments[0].Value, visited, depth)
                ? invocation
                : null;
        }

        // Configuration reads: GetValue<string>("Smtp:Password"), GetConnectionString("Db"), GetSection("X_SECRET").Value.
        if (IsConfigurationType(type) || (method.IsExtensionMethod && invocation.Arguments.Length > 0 && IsConfigurationType(invocation.Arguments[0].Value.Type)))
        {
            if (method.Name == "GetConnectionString")
            {
                return invocation;
            }

            if (method.Name is "GetValue" or "GetRequiredValue" && LastConstant(invocation) is string key)
            {
                return IsSecretKey(key, names) ? invocation : null;
            }
        }

        // Text built from values: string.Format/Concat/Join, transformations of the receiver, conversions to text.
        if (method.ContainingType.SpecialType == SpecialType.System_String && method.IsStatic && method.Name is "Format" or "Concat" or "Join" or "Copy" or "Create")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (Carrier(argument.Value, names, visited, depth, cancellationToken) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (invocation.Instance is { } receiver && !method.ReturnsVoid && IsTransformation(method))
        {
            if (Carrier(receiver, names, visited, depth, cancellationToken) is { } inner)
            {
                return inner;
            }
        }

        if (IsConversionToText(method))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (Carrier(argument.Value, names, visited, depth, cancellationToken) is { } inner)
                {
                    return inner;
                }
            }
        }

        // GetApiKey(), LoadPassword(): a method named for a secret returns one.
        return !method.ReturnsVoid && names.Names.IsCredentialName(method.Name) ? invocation : null;
    }

    /// <summary>The lexicon and the env-file naming one analysis judges names with.</summary>
    private readonly struct SensitivityContext
    {
        public SensitivityContext(CredentialNames names, SecretNaming naming)
        {
            Names = names;
            Naming = naming;
        }

        public CredentialNames Names { get; }

        public SecretNaming Naming { get; }
    }

    private bool ComesFromSecureString(IOperation pointer, HashSet<ISymbol> visited, int depth)
    {
        pointer = ValueFlow.Unwrap(pointer);
        switch (pointer)
        {
            case IInvocationOperation call:
                return call.TargetMethod.Name.StartsWith("SecureStringTo", StringComparison.Ordinal) ||
                       (call.Arguments.Length > 0 && _secureString is not null && SymbolEqualityComparer.Default.Equals(call.Arguments[0].Value.Type, _secureString));
            case ILocalReferenceOperation local when depth < ValueFlow.MaxDepth && visited.Add(local.Local):
                foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local)))
                {
                    if (ComesFromSecureString(written, visited, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private bool IsHash(IMethodSymbol method)
    {
        if (method.Name.IndexOf("Hash", StringComparison.OrdinalIgnoreCase) >= 0 || method.Name.IndexOf("Digest", StringComparison.OrdinalIgnoreCase) >= 0 ||
            method.Name.IndexOf("Redact", StringComparison.OrdinalIgnoreCase) >= 0 || method.Name.IndexOf("Mask", StringComparison.OrdinalIgnoreCase) >= 0 ||
            method.Name is "Encrypt" or "Protect" or "ComputeHmac" or "Sign")
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (_hashAlgorithm is not null && SymbolEqualityComparer.Default.Equals(type, _hashAlgorithm))
            {
                return true;
            }
        }

        var ns = method.ContainingNamespace?.ToDisplayString();
        return ns == "System.Security.Cryptography" && method.ContainingType.Name is "SHA1" or "SHA256" or "SHA384" or "SHA512" or "MD5" or "HMACSHA256" or "HMACSHA512" or "HMACSHA1" or "HMACSHA384";
    }

    // Methods whose result is the receiver's text in another form: ToString, Trim, ToUpper, Substring, Replace, ...
    private static bool IsTransformation(IMethodSymbol method) =>
        method.Name is "ToString" or "Trim" or "TrimStart" or "TrimEnd" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant" or
            "Substring" or "Replace" or "PadLeft" or "PadRight" or "Insert" or "Normalize" or "ToCharArray" or "ToArray" or "AsSpan" or "AsMemory" or "Split" or "Remove";

    // Convert.ToBase64String(bytes), Encoding.UTF8.GetString(bytes): the secret's bytes as text.
    private static bool IsConversionToText(IMethodSymbol method) =>
        (method.ContainingType.Name == "Convert" && method.Name is "ToBase64String" or "ToHexString" or "ToHexStringLower" or "ToString") ||
        (method.Name is "GetString" or "GetBytes" && method.ContainingType.Name.EndsWith("Encoding", StringComparison.Ordinal));

    private static bool IsConfigurationType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsConfigurationInterface(type))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (IsConfigurationInterface(@interface))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConfigurationInterface(ITypeSymbol type) =>
        type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" &&
        type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Configuration";

    private static bool IsSecretKey(string key, SensitivityContext names) =>
        names.Naming.IsSecret(key) || names.Names.IsCredentialName(key);

    // A constant named for a secret but holding a placeholder ("[redacted]", "***") is not one.
    private static bool IsRedactedConstant(IFieldSymbol field) =>
        field.HasConstantValue && (field.ConstantValue is not string text || SensitivityLexicon.IsPlaceholder(text));

    private static object? FirstConstant(IInvocationOperation invocation) =>
        invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue.HasValue ? invocation.Arguments[0].Value.ConstantValue.Value : null;

    private static object? LastConstant(IInvocationOperation invocation)
    {
        for (var i = invocation.Arguments.Length - 1; i >= 0; i--)
        {
            var constant = invocation.Arguments[i].Value.ConstantValue;
            if (constant.HasValue && constant.Value is string)
            {
                return constant.Value;
            }
        }

        return null;
    }
}
