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
    private readonly ReturnSummaries _summaries = new ReturnSummaries();
    private readonly RenderedObjects _objects;

    private SensitiveValues(Compilation compilation)
    {
        _objects = new RenderedObjects(_summaries);
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
        FindCarrier(value, Rendering.Text, names, naming, cancellationToken);

    /// <summary>
    /// As <see cref="FindCarrier(IOperation, CredentialNames, SecretNaming, CancellationToken)"/>, for a value a sink renders
    /// the given way: an object whose rendering shows a secret member is itself the carrier (a record with a
    /// <c>Password</c>, <c>{@Options}</c> with an <c>ApiKey</c>), one whose rendering shows none (its type's name, masked
    /// members) is not, whatever its name.
    /// </summary>
    public IOperation? FindCarrier(IOperation value, Rendering rendering, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken) =>
        Carrier(value, new SensitivityContext(names, naming), new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0, cancellationToken, rendering);

    /// <summary>Whether the value holds a secret (anywhere in it).</summary>
    public bool IsSecret(IOperation value, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken) =>
        FindCarrier(value, names, naming, cancellationToken) is not null;

    // rendering: how the value is turned into text where it is used (a template hole, an interpolation, a serialiser),
    // or null for a value that is only passed on (awaited, a receiver, a LINQ source): only a rendered object is judged
    // by what its rendering shows.
    private IOperation? Carrier(IOperation value, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken, Rendering? rendering = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > ValueFlow.MaxDepth)
        {
            return null;
        }

        if (ValueFlow.IsNonTextType(value.Type))
        {
            // Numbers, flags, dates and enums carry no text; a PIN or a one-time code is a number that is a credential.
            return ValueFlow.IsIntegral(value.Type) ? NumericCarrier(value, names, visited, depth, cancellationToken) : null;
        }

        if (rendering is { } mode && value is not (IConversionOperation or IParenthesizedOperation))
        {
            switch (_objects.Judge(value.Type, mode, names.Names, names.Naming, cancellationToken))
            {
                case RenderedVerdict.Exposes:
                    return value;
                case RenderedVerdict.Hides:
                    return null;
            }
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Carrier(conversion.Operand, names, visited, depth, cancellationToken, rendering);
            case IParenthesizedOperation parenthesized:
                return Carrier(parenthesized.Operand, names, visited, depth, cancellationToken, rendering);
            case ILiteralOperation:
                return null;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && Carrier(interpolation.Expression, names, visited, depth, cancellationToken, Rendering.Text) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add:
                return Carrier(binary.LeftOperand, names, visited, depth, cancellationToken, Rendering.Text) ?? Carrier(binary.RightOperand, names, visited, depth, cancellationToken, Rendering.Text);
            case IConditionalOperation conditional:
                return conditional.WhenTrue is null || IsMaskingChoice(conditional) ? null :
                    Carrier(conditional.WhenTrue, names, visited, depth, cancellationToken, rendering) ??
                    (conditional.WhenFalse is null ? null : Carrier(conditional.WhenFalse, names, visited, depth, cancellationToken, rendering));
            case ICoalesceOperation coalesce:
                return Carrier(coalesce.Value, names, visited, depth, cancellationToken, rendering) ?? Carrier(coalesce.WhenNull, names, visited, depth, cancellationToken, rendering);
            case IConditionalAccessOperation conditionalAccess:
                // token?.ToString(), entry.Value?.Trim(): what the access makes of the value.
                return Carrier(conditionalAccess.WhenNotNull, names, visited, depth, cancellationToken, rendering);
            case IConditionalAccessInstanceOperation accessed:
                for (var parent = accessed.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return Carrier(access.Operation, names, visited, depth, cancellationToken, rendering);
                    }
                }

                return null;
            case IAwaitOperation awaited:
                // await GetAccessTokenAsync(): what the task gives. The await is reported, so the fix redacts the awaited text.
                return Carrier(awaited.Operation, names, visited, depth, cancellationToken) is not null ? awaited : null;
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (Carrier(element, names, visited, depth, cancellationToken, rendering) is { } inner)
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
                        (Carrier(assignment.Value, names, visited, depth, cancellationToken, Rendering.Text) is { } inner))
                    {
                        return inner;
                    }
                }

                return null;
            case ILocalReferenceOperation local:
                if (names.Names.IsCredentialName(local.Local.Name) && !SensitiveNames.IsSanitized(local.Local.Name))
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

                // foreach (var key in apiKeys): each element of a secret collection is one — unless the element's own name
                // says it is something about one (foreach (var name in requiredSecrets)).
                return ValueFlow.IterationOf(local.Local, root) is { } loop && !SkipsByKey(loop, local.Local) && !NamesSomethingAboutASecret(local.Local.Name, names) &&
                       Carrier(loop.Collection, names, visited, depth + 1, cancellationToken) is not null
                    ? local
                    : null;
            case IParameterReferenceOperation parameter:
                return names.Names.IsCredentialName(parameter.Parameter.Name) && !SensitiveNames.IsSanitized(parameter.Parameter.Name) ? parameter : null;
            case IFieldReferenceOperation field:
                return names.Names.IsCredentialName(field.Field.Name) && !SensitiveNames.IsSanitized(field.Field.Name) && !IsRedactedConstant(field.Field) ? field : null;
            case IPropertyReferenceOperation property:
                return PropertyCarrier(property, names, visited, depth, cancellationToken);
            case IArgumentOperation { Parent: IInvocationOperation call } written:
                // An out argument: Secrets.TryGet("X_SECRET", out var v), values.TryGetValue("Db:Password", out var v).
                return (_secrets is not null && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _secrets) && call.TargetMethod.Name == "TryGet") ||
                       (call.TargetMethod.Name == "TryGetValue" && FirstConstant(call) is string key && IsSecretKey(key, names))
                    ? written
                    : null;
            case IInvocationOperation invocation:
                return InvocationCarrier(invocation, names, visited, depth, cancellationToken);
            case IObjectCreationOperation creation when creation.Type?.SpecialType == SpecialType.System_String || IsTextHolder(creation.Type):
                // new string(passwordChars); new StringBuilder("Bearer ").Append(token), new UriBuilder(url) { Query = $"key={apiKey}" }
                foreach (var argument in creation.Arguments)
                {
                    if (Carrier(argument.Value, names, visited, depth, cancellationToken, Rendering.Text) is { } inner)
                    {
                        return inner;
                    }
                }

                if (creation.Initializer is { } members)
                {
                    foreach (var member in members.Initializers)
                    {
                        if (member is IAssignmentOperation assignment && Carrier(assignment.Value, names, visited, depth, cancellationToken, Rendering.Text) is { } inner)
                        {
                            return inner;
                        }
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private IOperation? PropertyCarrier(IPropertyReferenceOperation property, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
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

        if (names.Names.IsCredentialName(property.Property.Name) && !SensitiveNames.IsSanitized(property.Property.Name) && !IsResourceString(property.Property))
        {
            return property;
        }

        if (property.Instance is { } instance)
        {
            // entry.Value of a configuration dump's entry, lazyToken.Value, tokenTask.Result: the instance's value itself.
            // The property is what is reported, so the fix wraps entry.Value, not entry.
            if (property.Property.Name is "Value" or "Result")
            {
                return Carrier(instance, names, visited, depth, cancellationToken) is not null ? property : null;
            }

            // new UriBuilder(url) { Query = $"key={apiKey}" }.Uri, uri.AbsoluteUri: the text the builder or URI holds.
            if (property.Property.Name is "Uri" or "Query" or "AbsoluteUri" or "OriginalString" or "PathAndQuery" or "Fragment" or "UserInfo" or "Parameter" &&
                IsTextHolder(instance.Type))
            {
                return Carrier(instance, names, visited, depth, cancellationToken) is { } inner ? inner : null;
            }
        }

        // string ConnectionInfo => $"{Host};Password={_password}": a property of this compilation whose getter returns a secret.
        return property.Property.Parameters.IsEmpty && property.Type?.SpecialType == SpecialType.System_String &&
               !SensitiveNames.IsSanitized(property.Property.Name) &&
               (_summaries.Summarize(property.Property, names.Names, names.Naming, cancellationToken) & ReturnedText.Secret) != 0
            ? property
            : null;
    }

    // StringBuilder, UriBuilder, Uri, AuthenticationHeaderValue: objects that hold the text they were given and give it back.
    private static bool IsTextHolder(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "StringBuilder" or "UriBuilder" or "Uri" or "AuthenticationHeaderValue" } named &&
        named.ContainingNamespace?.ToDisplayString() is "System.Text" or "System" or "System.Net.Http.Headers";

    // looksSecret(entry.Key) ? "***" : entry.Value: a placeholder chosen instead of the value by a test of something else
    // (the entry's key, a flag). A test of the value itself (token == null ? "<none>" : token) chooses nothing away.
    private static bool IsMaskingChoice(IConditionalOperation conditional)
    {
        if (conditional.WhenFalse is null)
        {
            return false;
        }

        var other = IsPlaceholderText(conditional.WhenTrue) ? conditional.WhenFalse : IsPlaceholderText(conditional.WhenFalse) ? conditional.WhenTrue : null;
        if (other is null)
        {
            return false;
        }

        var shown = ValueFlow.Unwrap(other).Syntax;
        foreach (var node in conditional.Condition.Syntax.DescendantNodesAndSelf())
        {
            if (node.IsEquivalentTo(shown))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPlaceholderText(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0 && SensitivityLexicon.IsPlaceholder(text);

    // An element named name, id, path, url, type, ...: the lexicon's words that qualify a credential word ("SecretName")
    // say what it is. Judged as the lexicon judges "Secret" + the name, so a team's own words count too.
    private static bool NamesSomethingAboutASecret(string name, SensitivityContext names) =>
        name.Length > 0 && !names.Names.IsCredentialName("Secret" + char.ToUpperInvariant(name[0]) + name.Substring(1));

    // foreach (var entry in configuration.AsEnumerable()) { if (IsSecret(entry.Key)) continue; ... }: the loop skips
    // entries by a test of the element itself, the way a dump leaves secrets out.
    private static bool SkipsByKey(IForEachLoopOperation loop, ILocalSymbol element)
    {
        foreach (var operation in loop.Body.Descendants())
        {
            if (operation is IConditionalOperation { WhenTrue: { } whenTrue } test && Skips(whenTrue) && References(test.Condition, element))
            {
                return true;
            }
        }

        return false;

        static bool Skips(IOperation branch) =>
            branch is IBranchOperation { BranchKind: BranchKind.Continue } ||
            (branch is IBlockOperation block && block.Operations.Length > 0 && block.Operations[block.Operations.Length - 1] is IBranchOperation { BranchKind: BranchKind.Continue });

        static bool References(IOperation condition, ILocalSymbol local)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // A whole number read from a symbol or method named as a credential (pin, otp, verificationCode, GenerateOtp()), or a
    // local given one. Arithmetic on it, its digits' count and other numbers about it are not followed.
    private IOperation? NumericCarrier(IOperation value, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        switch (ValueFlow.Unwrap(value))
        {
            case ILocalReferenceOperation local:
                if (SensitiveNames.IsNumericCredential(local.Local.Name, names.Names))
                {
                    return local;
                }

                if (depth >= ValueFlow.MaxDepth || !visited.Add(local.Local))
                {
                    return null;
                }

                foreach (var written in ValueFlow.ValuesWrittenTo(local.Local, ValueFlow.Root(local)))
                {
                    if (NumericCarrier(written, names, visited, depth + 1, cancellationToken) is not null)
                    {
                        return local;
                    }
                }

                return null;
            case IParameterReferenceOperation parameter:
                return SensitiveNames.IsNumericCredential(parameter.Parameter.Name, names.Names) ? parameter : null;
            case IFieldReferenceOperation field:
                return !field.Field.IsConst && SensitiveNames.IsNumericCredential(field.Field.Name, names.Names) ? field : null;
            case IPropertyReferenceOperation property:
                return SensitiveNames.IsNumericCredential(property.Property.Name, names.Names) ? property : null;
            case IInvocationOperation invocation:
                return SensitiveNames.IsNumericCredential(invocation.TargetMethod.Name, names.Names) ? invocation : null;
            case IAwaitOperation awaited:
                return NumericCarrier(awaited.Operation, names, visited, depth, cancellationToken) is not null ? awaited : null;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return NumericCarrier(conditional.WhenTrue, names, visited, depth, cancellationToken) ?? NumericCarrier(whenFalse, names, visited, depth, cancellationToken);
            case ICoalesceOperation coalesce:
                return NumericCarrier(coalesce.Value, names, visited, depth, cancellationToken) ?? NumericCarrier(coalesce.WhenNull, names, visited, depth, cancellationToken);
            default:
                return null;
        }
    }

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
            // Environment.GetEnvironmentVariables(): every variable, secrets included, when it is written out whole.
            return (method.Name == "GetEnvironmentVariable" && FirstConstant(invocation) is string variable && IsSecretKey(variable, names)) ||
                   (method.Name == "GetEnvironmentVariables" && invocation.Arguments.Length == 0)
                ? invocation
                : null;
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

            // configuration.AsEnumerable(), root.GetDebugView(): every entry, secrets included. A section named for
            // something else (GetSection("FeatureManagement").AsEnumerable()) and a debug view that processes each
            // value (GetDebugView(ctx => Mask(ctx))) are not dumps of secrets.
            if (method.Name == "AsEnumerable")
            {
                return ConfigurationReceiver(invocation) is IInvocationOperation { TargetMethod.Name: "GetSection" } section &&
                       !(LastConstant(section) is string sectionKey && IsSecretKey(sectionKey, names))
                    ? null
                    : invocation;
            }

            if (method.Name == "GetDebugView")
            {
                return invocation.Arguments.Length <= (method.IsExtensionMethod ? 1 : 0) ? invocation : null;
            }
        }

        // JsonSerializer.Serialize(options), JsonConvert.SerializeObject(settings): the object's public members as JSON.
        if (method.Name is "Serialize" or "SerializeObject" or "SerializeToUtf8Bytes" or "SerializeToElement" or "SerializeToNode" &&
            type.Name is "JsonSerializer" or "JsonConvert" && invocation.Arguments.Length > 0)
        {
            return Carrier(invocation.Arguments[0].Value, names, visited, depth, cancellationToken, Rendering.Serialize);
        }

        if (IsLinq(method))
        {
            return LinqCarrier(invocation, names, visited, depth, cancellationToken);
        }

        // new StringBuilder().Append("Bearer ").Append(token): a builder on a fresh receiver holds what was appended.
        if (invocation.Instance is { } builder && ValueFlow.IsAccumulation(method.Name) && IsTextHolder(type))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (Carrier(argument.Value, names, visited, depth, cancellationToken, Rendering.Text) is { } appended)
                {
                    return appended;
                }
            }

            return Carrier(builder, names, visited, depth, cancellationToken);
        }

        // Text built from values: string.Format/Concat/Join, transformations of the receiver, conversions to text.
        if (method.ContainingType.SpecialType == SpecialType.System_String && method.IsStatic && method.Name is "Format" or "Concat" or "Join" or "Copy" or "Create")
        {
            foreach (var argument in invocation.Arguments)
            {
                if (Carrier(argument.Value, names, visited, depth, cancellationToken, Rendering.Text) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (invocation.Instance is { } receiver && !method.ReturnsVoid && IsTransformation(method))
        {
            // settings.ToString() renders the receiver; Trim(), Substring(...) only pass its text on.
            if (Carrier(receiver, names, visited, depth, cancellationToken, method.Name == "ToString" ? Rendering.Text : null) is { } inner)
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

        // GetApiKey(), LoadPassword(): a method named for a secret returns one. ChangeUserPassword(user, password) and
        // ValidatePassword(...) act on one and return what happened (errors, a result), not the secret.
        if (!method.ReturnsVoid && names.Names.IsCredentialName(method.Name) && !SensitiveNames.ActsOnASecret(method.Name))
        {
            return invocation;
        }

        // Describe() => $"{_user}:{_password}": a method of this compilation whose returned text holds a secret (one level).
        return method.ReturnType.SpecialType == SpecialType.System_String && method.MethodKind == MethodKind.Ordinary &&
               !SensitiveNames.IsSanitized(method.Name) &&
               (_summaries.Summarize(method.PartialImplementationPart ?? method, names.Names, names.Naming, cancellationToken) & ReturnedText.Secret) != 0
            ? invocation
            : null;
    }

    private static IOperation? ConfigurationReceiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? ValueFlow.Unwrap(invocation.Arguments[0].Value) : null);

    private static bool IsLinq(IMethodSymbol method) =>
        method.IsExtensionMethod && method.ContainingType.Name == "Enumerable" && method.ContainingNamespace?.ToDisplayString() == "System.Linq";

    // LINQ over secrets: a projection carries what its lambda returns (c => c.Password), or the element itself when the
    // source is secret (kv => $"{kv.Key}={kv.Value}" over secrets); filters, orderings and picks carry their source's
    // elements. A filter on the elements' keys (Where(kv => !IsSecret(kv.Key))) is taken to leave the secrets out.
    private IOperation? LinqCarrier(IInvocationOperation invocation, SensitivityContext names, HashSet<ISymbol> visited, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (invocation.Arguments.Length == 0 || method.ReturnsVoid)
        {
            return null;
        }

        var source = invocation.Arguments[0].Value;
        var lambda = invocation.Arguments.Length > 1 ? Lambda(invocation.Arguments[1].Value) : null;
        switch (method.Name)
        {
            case "Select" or "SelectMany" when lambda is not null:
                var parameter = lambda.Symbol.Parameters.Length > 0 ? lambda.Symbol.Parameters[0] : null;
                IOperation? sourceCarrier = null;
                var sourceJudged = false;
                foreach (var returned in Returns(lambda))
                {
                    if (Carrier(returned, names, visited, depth + 1, cancellationToken, Rendering.Text) is { } projected)
                    {
                        return projected;
                    }

                    if (parameter is not null && PassedElement(returned, parameter) is { } element)
                    {
                        if (!sourceJudged)
                        {
                            sourceCarrier = Carrier(source, names, visited, depth + 1, cancellationToken);
                            sourceJudged = true;
                        }

                        if (sourceCarrier is not null)
                        {
                            return element;
                        }
                    }
                }

                return null;
            case "Where" or "SkipWhile" or "TakeWhile" when lambda is not null && lambda.Symbol.Parameters.Length > 0 && TestsKey(lambda, lambda.Symbol.Parameters[0]):
                return null;
            case "Where" or "SkipWhile" or "TakeWhile" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Distinct" or "DistinctBy" or
                "Take" or "Skip" or "TakeLast" or "SkipLast" or "ToList" or "ToArray" or "AsEnumerable" or "Reverse" or "Concat" or "Append" or "Prepend" or
                "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt" or "ElementAtOrDefault" or
                "DefaultIfEmpty" or "Cast" or "OfType" or "ToHashSet":
                foreach (var argument in invocation.Arguments)
                {
                    if (Lambda(argument.Value) is null && Carrier(argument.Value, names, visited, depth + 1, cancellationToken) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation value) => ValueFlow.Unwrap(value) switch
    {
        IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
        IAnonymousFunctionOperation lambda => lambda,
        _ => null,
    };

    private static IEnumerable<IOperation> Returns(IAnonymousFunctionOperation lambda)
    {
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && !IsInNestedLambda(operation, lambda))
            {
                yield return returned;
            }
        }
    }

    private static bool IsInNestedLambda(IOperation operation, IAnonymousFunctionOperation outer)
    {
        for (var current = operation.Parent; current is not null && current != outer; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    // The part of a projection that is the element itself: kv => kv.Value, s => s, s => s.Trim(), kv => $"{kv.Key}={kv.Value}".
    private static IOperation? PassedElement(IOperation value, IParameterSymbol element)
    {
        switch (ValueFlow.Unwrap(value))
        {
            case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, element):
                return reference;
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: IParameterReferenceOperation reference } property when SymbolEqualityComparer.Default.Equals(reference.Parameter, element):
                return property;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && PassedElement(interpolation.Expression, element) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return PassedElement(binary.LeftOperand, element) ?? PassedElement(binary.RightOperand, element);
            case IInvocationOperation { Instance: { } receiver } call when IsTransformation(call.TargetMethod):
                return PassedElement(receiver, element);
            default:
                return null;
        }
    }

    private static bool TestsKey(IAnonymousFunctionOperation lambda, IParameterSymbol element)
    {
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IPropertyReferenceOperation { Property.Name: "Key", Instance: IParameterReferenceOperation reference } &&
                SymbolEqualityComparer.Default.Equals(reference.Parameter, element))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Whether the method returns a safe form of its input: a hash, a digest, a redacted, masked, encrypted or signed form.</summary>
    internal bool IsSafeForm(IMethodSymbol method) => IsHash(method);

    private bool IsHash(IMethodSymbol method)
    {
        if (SensitiveNames.IsSafeFormMethod(method.Name))
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
            "Substring" or "Replace" or "PadLeft" or "PadRight" or "Insert" or "Normalize" or "ToCharArray" or "ToArray" or "AsSpan" or "AsMemory" or "Split" or "Remove" or
            "ConfigureAwait" or "GetAwaiter" or "GetResult";

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
