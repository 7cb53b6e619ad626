using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>
/// The sensitivity model's target side (SG0005): follows a value forward within its method — through conversions,
/// arithmetic, concatenation, interpolation, calls that return something made from it (<c>ToString</c>,
/// <c>string.Join</c>, <c>Convert.ToBase64String</c>, LINQ), builders and collections it is added to, buffers it is
/// written into (<c>BinaryPrimitives.Write*</c>, <c>CopyTo</c>, <c>Buffer.BlockCopy</c>), tuples and locals — until it
/// reaches something sensitive:
/// <list type="bullet">
/// <item>a variable, field, property, parameter, tuple element, dictionary key literal or collection with a name of
/// SG0005's lexicon (<see cref="CredentialNames.Unguessable"/>), bytes under a key's name (<c>_key</c>), a session id
/// (<c>Id</c> of a <c>UserSession</c>, <c>sid</c> in a session), the return of a method so named or of a
/// <c>Create…Key</c>/<c>New…Key</c>/<c>Generate…Key</c> factory;</item>
/// <item>a key, IV, salt or nonce of a cryptographic API (or any <c>key</c> parameter taking bytes).</item>
/// </list>
/// Some values are secret material by their shape alone: characters picked from a character set or drawn from a char
/// range, Base64 or hex text of random bytes. Such a value is reported unless somewhere on its way it meets a name of a
/// purpose that needs no secrecy (cache, partition, sort, idempotency, correlation and trace keys, file names, colours,
/// room codes, short links, test data, ...). Targets whose type cannot hold a secret (<c>TimeSpan</c>,
/// <c>DateTime</c>, <c>DateTimeOffset</c>, <c>bool</c>, floating point) are never sensitive; a time or a flag made
/// from the value ends the walk.
/// </summary>
internal static class SensitiveTargets
{
    private const string CryptographyNamespace = "System.Security.Cryptography";

    /// <summary>What a character picked from a character set or drawn from a char range is.</summary>
    public const string CharacterShape = "characters of a generated text (picked from a character set)";

    /// <summary>What Base64 or hex text of random bytes is.</summary>
    public const string EncodedBytesShape = "Base64 or hex text of random bytes";

    // Parameters and properties of System.Security.Cryptography that take secret or must-be-unpredictable bytes.
    private static readonly HashSet<string> CryptoInputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "key", "rgbKey", "rgbIV", "iv", "salt", "nonce", "password", "ikm", "keyMaterial", "inputKeyMaterial", "pseudorandomKey",
    };

    // Parameters of any library that take key bytes: new SymmetricSecurityKey(key), new HMACSHA256(key), ...
    private static readonly HashSet<string> KeyParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "key", "keyBytes", "keyMaterial", "secret", "secretKey", "sharedSecret",
    };

    // Words of a name whose value needs to be unique or varied, not secret: cache, partition, sort, idempotency,
    // correlation and trace keys, ETags, file names, colours, display text, game rooms, short links, test data.
    private static readonly HashSet<string> NoSecrecyWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "cache", "caching", "partition", "sort", "shard", "idempotency", "idempotent", "correlation", "trace", "tracing", "span",
        "request", "etag", "dedup", "dedupe", "deduplication", "routing", "row", "lock", "mutex", "concurrency", "cursor",
        "continuation", "page", "version", "variant", "color", "colour", "colors", "colours", "hue", "palette", "file", "filename",
        "path", "folder", "directory", "temp", "tmp", "name", "nickname", "username", "label", "display", "title", "caption", "test",
        "sample", "fake", "dummy", "mock", "stub", "fixture", "noise", "payload", "chunk", "frame", "packet", "padding", "filler",
        "fuzz", "benchmark", "room", "lobby", "game", "match", "player", "short", "slug", "alias", "referral", "promo", "sku",
        "product", "order", "tracking", "booking", "letter", "word", "avatar", "emoji", "icon", "placeholder", "preview", "demo",
        "jitter", "delay", "backoff", "retry", "reminder",
    };

    // Words of a rate limiter's tokens ("TokensToAdd" in ReplenishTokens of a token bucket).
    private static readonly HashSet<string> RateLimitWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "bucket", "limiter", "ratelimit", "ratelimiter", "throttle", "throttling", "refill", "replenish", "quota", "permits",
    };

    // Verbs of a factory whose "…Key" result is a new key (CreateClientKey, NewDeviceKey, GenerateKey).
    private static readonly HashSet<string> FactoryVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "create", "new", "generate", "make", "mint", "issue",
    };

    // Words that end a type's name without saying what it makes (ApiKeyGenerator, InviteCodeService, SessionEntity).
    private static readonly HashSet<string> RoleWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "generator", "generators", "factory", "service", "provider", "issuer", "maker", "creator", "builder", "helper", "manager",
        "store", "entity", "model", "dto", "record", "info", "details",
    };

    // Member names that take their meaning from their type: Code of a TeamInvitation, Id of a UserSession.
    private static readonly HashSet<string> GenericMemberWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "code", "id", "key", "value", "number",
    };

    /// <summary>
    /// What sensitive thing <paramref name="value"/> reaches ("the value of 'apiKey'"), or null. <paramref name="shape"/>
    /// says the value is secret material by its shape already (a string of characters drawn from a set).
    /// </summary>
    public static string? Find(IOperation value, CredentialNames names, string? shape, CancellationToken cancellationToken)
    {
        var walk = new Walk(names, value, shape);
        return walk.Verdict(Reach(value, walk, 0, cancellationToken));
    }

    /// <summary>What sensitive thing the contents of <paramref name="symbol"/> reach (a buffer filled by <c>NextBytes</c>), or null.</summary>
    public static string? FindFromSymbol(ISymbol symbol, IOperation within, CredentialNames names, string? shape, CancellationToken cancellationToken)
    {
        var walk = new Walk(names, within, shape);
        return walk.Verdict(SymbolReached(symbol, ValueFlow.Root(within), walk, 0, cancellationToken));
    }

    /// <summary>The variable an operation names or fills: <c>buf</c>, <c>buf.AsSpan(8)</c>, <c>buf.AsSpan().Slice(8)</c>.</summary>
    public static ISymbol? Filled(IOperation buffer) => ValueFlow.Unwrap(buffer) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IInvocationOperation { TargetMethod.Name: "AsSpan" or "AsMemory" or "Slice" } span =>
            span.Instance is { } instance ? Filled(instance) : span.Arguments.Length > 0 ? Filled(span.Arguments[0].Value) : null,
        _ => null,
    };

    private static string? Reach(IOperation value, Walk walk, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > ValueFlow.MaxDepth)
        {
            return null;
        }

        // A time or a flag made from the value (TimeSpan.FromMilliseconds(rnd.Next(500)), rnd.Next(2) == 0) carries no secret.
        if (value != walk.Origin && IsTimeOrFlag(value.Type))
        {
            return null;
        }

        var parent = value.Parent;
        switch (parent)
        {
            case null:
                return null;
            case IConversionOperation conversion:
                // (char)rnd.Next('a', 'z' + 1): a character drawn from a char range.
                if (conversion.Type?.SpecialType == SpecialType.System_Char)
                {
                    walk.Shape ??= CharacterShape;
                }

                return Reach(parent, walk, depth, cancellationToken);
            case IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation or
                IConditionalOperation or ICoalesceOperation or IArrayInitializerOperation or IArrayCreationOperation or
                ISwitchExpressionArmOperation or ISwitchExpressionOperation or IUnaryOperation:
                return parent is IConditionalOperation conditional && conditional.Condition == value ? null : Reach(parent, walk, depth, cancellationToken);
            case { Kind: NewerOperations.CollectionExpression or NewerOperations.Spread }:
                // [.. bytes] or a params collection of .NET 9+: the collection carries the value on.
                return Reach(parent, walk, depth, cancellationToken);
            case IBinaryOperation binary:
                // Comparisons and tests (rnd.Next(100) < 5) decide, they do not carry the value.
                return binary.Type?.SpecialType == SpecialType.System_Boolean ? null : Reach(parent, walk, depth, cancellationToken);
            case IArrayElementReferenceOperation element when element.ArrayReference != value:
                return Picked(element, element.ArrayReference, (element.ArrayReference.Type as IArrayTypeSymbol)?.ElementType, walk, depth, cancellationToken);
            case IArgumentOperation argument:
                return ArgumentReached(argument, walk, depth, cancellationToken);
            case IInvocationOperation invocation when invocation.Instance == value:
                // bytes.CopyTo(key, 0), bytes.AsSpan().CopyTo(nonce): the destination holds the value.
                if (invocation.TargetMethod.Name is "CopyTo" or "TryCopyTo" && invocation.Arguments.Length > 0 && Filled(invocation.Arguments[0].Value) is { } destination)
                {
                    return SymbolReached(destination, ValueFlow.Root(invocation), walk, depth + 1, cancellationToken);
                }

                // rnd.Next().ToString("x"), bytes.AsSpan()
                return invocation.TargetMethod.ReturnsVoid || invocation.Type?.SpecialType == SpecialType.System_Boolean ? null : Reach(invocation, walk, depth, cancellationToken);
            case IPropertyReferenceOperation property when property.Instance == value:
                return property.Property.Name is "Length" or "Count" ? null : Reach(property, walk, depth, cancellationToken);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return SymbolReached(declarator.Symbol, ValueFlow.Root(declarator), walk, depth, cancellationToken);
            case IAssignmentOperation assignment when assignment.Value == value:
                return TargetReached(assignment.Target, walk, depth, cancellationToken);
            case ITupleOperation tuple:
                return TupleElementReached(tuple, value, walk, depth, cancellationToken);
            case IReturnOperation:
                return ReturnReached(parent, walk, depth, cancellationToken);
            default:
                return null;
        }
    }

    // chars[rnd.Next(n)], "ABC…"[rnd.Next(62)], words[rnd.Next(words.Length)]: an element picked by the value.
    private static string? Picked(IOperation element, IOperation collection, ITypeSymbol? elementType, Walk walk, int depth, CancellationToken cancellationToken)
    {
        if (elementType?.SpecialType == SpecialType.System_Char)
        {
            // A character picked from a character set: a token or password being built.
            walk.Shape ??= CharacterShape;
            return Reach(element, walk, depth, cancellationToken);
        }

        // A pick from a pool of secrets (_apiKeys[rnd.Next(n)]) spreads load over existing keys; a pick of an object
        // (a puzzle, a question) makes nothing new. Words (diceware) and digits go on.
        if (ReferencedSymbol(collection) is { } pool && walk.Names.IsCredentialName(pool.Name))
        {
            return null;
        }

        return elementType is not null && (elementType.SpecialType == SpecialType.System_String || IsNumber(elementType))
            ? Reach(element, walk, depth, cancellationToken)
            : null;
    }

    private static string? ArgumentReached(IArgumentOperation argument, Walk walk, int depth, CancellationToken cancellationToken)
    {
        var parameter = argument.Parameter;
        if (parameter is null)
        {
            return null;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        if (IsTimeOrFlag(parameter.Type))
        {
            return null;
        }

        var ns = method?.ContainingType?.ContainingNamespace?.ToDisplayString();
        if (ns == CryptographyNamespace && CryptoInputs.Contains(parameter.Name))
        {
            return "the '" + parameter.Name + "' of " + method!.ContainingType.Name;
        }

        if (KeyParameters.Contains(parameter.Name) && IsBytes(parameter.Type))
        {
            return "the '" + parameter.Name + "' of " + (method?.ContainingType?.Name ?? parameter.Name);
        }

        var methodName = method?.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method?.Name;
        if (NameVerdict(parameter, parameter.Type, parameter.Name, walk) is not null)
        {
            return "the '" + parameter.Name + "' parameter of " + methodName;
        }

        if (method is not null && DestinationOf(argument, method) is { } destination)
        {
            // BinaryPrimitives.WriteInt64LittleEndian(key, rnd.NextInt64()), Buffer.BlockCopy(src, 0, iv, 0, 8).
            return Filled(destination) is { } filled ? SymbolReached(filled, ValueFlow.Root(argument), walk, depth + 1, cancellationToken) : null;
        }

        if (KeyLiteralOf(argument) is { } keyLiteral && LiteralVerdict(keyLiteral, walk) is { } keyed)
        {
            // dict.Add("nonce", value), headers.Add("X-Csrf-Token", value), new Claim("sid", value).
            return keyed;
        }

        switch (argument.Parent)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return indexer.Property.ContainingType?.SpecialType == SpecialType.System_String
                    ? Picked(indexer, indexer.Instance!, indexer.Type, walk, depth, cancellationToken)
                    : Picked(indexer, indexer.Instance ?? indexer, indexer.Type, walk, depth, cancellationToken);
            case IInvocationOperation invocation:
                if (IsEncoding(invocation.TargetMethod))
                {
                    walk.Shape ??= EncodedBytesShape;
                }

                // sb.Append(c), list.Add(c): the receiver collects the value.
                if (invocation.Instance is { } receiver && ValueFlow.IsAccumulation(invocation.TargetMethod.Name) &&
                    (ReferencedSymbol(receiver) ?? ValueFlow.AccumulatingLocal(invocation)) is { } collector)
                {
                    return SymbolReached(collector, ValueFlow.Root(invocation), walk, depth + 1, cancellationToken);
                }

                return invocation.TargetMethod.ReturnsVoid ? null : Reach(invocation, walk, depth, cancellationToken);
            case IObjectCreationOperation creation:
                return Reach(creation, walk, depth, cancellationToken);
            default:
                return null;
        }
    }

    private static string? TargetReached(IOperation target, Walk walk, int depth, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case IArrayElementReferenceOperation element:
                // buffer[i] = (byte)rnd.Next(256): the array holds it.
                return ReferencedSymbol(element.ArrayReference) is { } array ? SymbolReached(array, ValueFlow.Root(target), walk, depth + 1, cancellationToken) : null;
            case IPropertyReferenceOperation property when property.Property.ContainingType?.ContainingNamespace?.ToDisplayString() == CryptographyNamespace &&
                                                           CryptoInputs.Contains(property.Property.Name):
                return property.Property.ContainingType.Name + "." + property.Property.Name;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                // tokens[userId] = value, claims["nonce"] = value, new Dictionary<…> { ["backup_codes"] = value }.
                if (indexer.Arguments.Length == 1 && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } &&
                    LiteralVerdict(key, walk) is { } keyed)
                {
                    return keyed;
                }

                if (indexer.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } &&
                    ImplicitReceiverCreation(indexer) is { } created)
                {
                    return Reach(created, walk, depth + 1, cancellationToken);
                }

                return indexer.Instance is not null && ReferencedSymbol(indexer.Instance) is { } collection
                    ? SymbolReached(collection, ValueFlow.Root(target), walk, depth + 1, cancellationToken)
                    : null;
            default:
                return ReferencedSymbol(target) is { } symbol ? SymbolReached(symbol, ValueFlow.Root(target), walk, depth + 1, cancellationToken) : null;
        }
    }

    // (value, expires) returned as (string Token, DateTime Expires), or deconstructed into (resetCode, expires).
    private static string? TupleElementReached(ITupleOperation tuple, IOperation element, Walk walk, int depth, CancellationToken cancellationToken)
    {
        var index = tuple.Elements.IndexOf(element);
        if (index < 0)
        {
            return null;
        }

        IOperation written = tuple.Parent is IConversionOperation converted ? converted : tuple;
        if (written.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Value == written)
        {
            var targets = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
            return targets is ITupleOperation targetTuple && index < targetTuple.Elements.Length && ReferencedSymbol(targetTuple.Elements[index]) is { } local
                ? SymbolReached(local, ValueFlow.Root(tuple), walk, depth + 1, cancellationToken)
                : null;
        }

        // The names the tuple is converted to (a method's declared return type) win over those it was written with.
        var type = (tuple.Parent as IConversionOperation)?.Type as INamedTypeSymbol ?? tuple.Type as INamedTypeSymbol;
        if (type is { IsTupleType: true } && index < type.TupleElements.Length)
        {
            var field = type.TupleElements[index];
            if (!field.Name.StartsWith("Item", StringComparison.Ordinal) || field.Name != field.CorrespondingTupleField?.Name)
            {
                if (NameVerdict(field, field.Type, field.Name, walk) is not null)
                {
                    return "the tuple element '" + field.Name + "'";
                }

                if (walk.StopsAt(field.Name, field.Type))
                {
                    return null;
                }
            }
        }

        return Reach(tuple, walk, depth, cancellationToken);
    }

    private static string? SymbolReached(ISymbol symbol, IOperation root, Walk walk, int depth, CancellationToken cancellationToken)
    {
        var type = TypeOf(symbol);
        if (type is not null && IsTimeOrFlag(type))
        {
            return null;
        }

        if (NameVerdict(symbol, type, symbol.Name, walk) is { } named)
        {
            return named;
        }

        walk.StopsAt(symbol.Name, type);
        if (symbol is not ILocalSymbol local || depth > ValueFlow.MaxDepth || !walk.Visited.Add(local))
        {
            return null;
        }

        foreach (var read in ValueFlow.ReadsOf(local, root))
        {
            if (Reach(read, walk, depth + 1, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? ReturnReached(IOperation returned, Walk walk, int depth, CancellationToken cancellationToken)
    {
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    // Select(_ => chars[rnd.Next(n)]): the lambda's results become the call's result.
                    return lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation argument } ? ArgumentReached(argument, walk, depth, cancellationToken) : null;
                case ILocalFunctionOperation localFunction:
                    return MemberReturnVerdict(localFunction.Symbol, localFunction.Symbol.Name, localFunction.Symbol.ReturnType, walk);
            }
        }

        var member = returned.SemanticModel?.GetEnclosingSymbol(returned.Syntax.SpanStart);
        return member switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } method => MemberReturnVerdict(method, property.Name, property.Type, walk),
            IMethodSymbol method => MemberReturnVerdict(method, method.Name, method.ReturnType, walk),
            _ => null,
        };
    }

    private static string? MemberReturnVerdict(IMethodSymbol method, string name, ITypeSymbol returnType, Walk walk)
    {
        var type = UnwrapTask(returnType);
        if (IsTimeOrFlag(type) || IsFloatingPoint(type))
        {
            return null;
        }

        if (NameVerdict(method, type, name, walk) is { } named)
        {
            return "the return value of '" + name + "'";
        }

        if (walk.StopsAt(name, type))
        {
            return null;
        }

        // CreateClientKey(), NewDeviceKey(), GenerateKey(): a factory of keys.
        var words = IdentifierWords.Split(name);
        if (words.Count >= 2 && FactoryVerbs.Contains(words[0]) && words[words.Count - 1] is "key" or "keys" && IsTextOrBytes(type))
        {
            return "the return value of '" + name + "'";
        }

        // Generate() of an InviteCodeGenerator, Next() of an ApiKeyFactory: the type says what its methods make.
        if (method.ContainingType is { } owner && WithoutRoleWords(owner.Name) is { Length: > 0 } made)
        {
            if (walk.Names.IsCredentialName(made) && IsTextOrBytes(type))
            {
                return "the return value of '" + owner.Name + "." + name + "'";
            }

            walk.StopsAt(made, type);
        }

        return null;
    }

    // The judgement of a name at a target: sensitive ("the value of 'apiKey'"), or null.
    private static string? NameVerdict(ISymbol symbol, ITypeSymbol? type, string name, Walk walk)
    {
        if (type is not null && (IsTimeOrFlag(type) || IsFloatingPoint(type)))
        {
            return null;
        }

        if (walk.Names.IsCredentialName(name) && !IsRateLimiterToken(name, symbol))
        {
            return "the value of '" + name + "'";
        }

        if (IsBytes(type) && walk.Names.IsKeyMaterialName(name))
        {
            return "the value of '" + name + "'";
        }

        // Only short names can be "sid" or a member named Code, Id, Key, Value or Number.
        if (name.Length > 8)
        {
            return null;
        }

        var words = IdentifierWords.Split(name);
        if (words.Count > 1 && words[0].Length == 1)
        {
            words.RemoveAt(0); // s_sid, m_code
        }

        if (words.Count == 1 && words[0] == "sid" && InSessionContext(symbol))
        {
            return "the value of '" + name + "' (a session id)";
        }

        // Code of a TeamInvitation, Id of a UserSession, RedemptionCode of a GiftVoucher record's constructor.
        if (words.Count == 1 && GenericMemberWords.Contains(words[0]) && symbol is IPropertySymbol or IFieldSymbol or IParameterSymbol &&
            OwnerType(symbol) is { } owner && WithoutRoleWords(owner.Name) is { Length: > 0 } ownerName &&
            walk.Names.IsCredentialName(ownerName + "_" + name))
        {
            return "the value of '" + owner.Name + "." + name + "'";
        }

        return null;
    }

    // A dictionary key, claim type or header name written as a literal, judged as a name ("nonce", "backup_codes", "sid").
    private static string? LiteralVerdict(string literal, Walk walk)
    {
        if (literal.Length > 64)
        {
            return null;
        }

        if (walk.Names.IsCredentialName(literal) || string.Equals(literal, "sid", StringComparison.OrdinalIgnoreCase))
        {
            return "the value under '" + literal + "'";
        }

        walk.StopsAt(literal, null);
        return null;
    }

    // The constant key of dict.Add("nonce", value), headers.Add("X-Csrf-Token", value), new Claim("sid", value).
    private static string? KeyLiteralOf(IArgumentOperation argument)
    {
        if (argument.Parameter?.Name != "value" || argument.Parent is not (IInvocationOperation or IObjectCreationOperation))
        {
            return null;
        }

        var arguments = argument.Parent is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)argument.Parent).Arguments;
        foreach (var sibling in arguments)
        {
            if (sibling != argument && sibling.Parameter?.Name is "key" or "name" or "type" or "claimType" or "headerName" &&
                sibling.Value.ConstantValue is { HasValue: true, Value: string literal })
            {
                return literal;
            }
        }

        return null;
    }

    // Where a write-into-destination helper puts its source: BinaryPrimitives.Write*(destination, value),
    // BitConverter.TryWriteBytes(destination, value), MemoryMarshal.Write(destination, value), Buffer.BlockCopy(src, …, dst, …),
    // Array.Copy(sourceArray, destinationArray, …).
    private static IOperation? DestinationOf(IArgumentOperation argument, IMethodSymbol method)
    {
        var from = argument.Parameter!.Name;
        string? to = (method.ContainingType?.Name, method.Name, from) switch
        {
            ("BinaryPrimitives" or "BitConverter" or "MemoryMarshal", _, "value") when method.Name.StartsWith("Write", StringComparison.Ordinal) || method.Name.StartsWith("TryWrite", StringComparison.Ordinal) => "destination",
            ("Buffer", "BlockCopy" or "MemoryCopy", "src" or "source") => method.Name == "BlockCopy" ? "dst" : "destination",
            ("Array", "Copy" or "ConstrainedCopy", "sourceArray") => "destinationArray",
            _ => null,
        };
        if (to is null || argument.Parent is not IInvocationOperation call)
        {
            return null;
        }

        foreach (var sibling in call.Arguments)
        {
            if (sibling.Parameter?.Name == to)
            {
                return sibling.Value;
            }
        }

        return null;
    }

    // Convert.ToBase64String, Convert.ToHexString(Lower), BitConverter.ToString, Base64Url.EncodeToString, WebEncoders.Base64UrlEncode.
    private static bool IsEncoding(IMethodSymbol method) => (method.ContainingType?.Name, method.Name) switch
    {
        ("Convert", "ToBase64String" or "ToBase64CharArray" or "ToHexString" or "ToHexStringLower") => true,
        ("BitConverter", "ToString") => method.Parameters.Length > 0 && IsBytes(method.Parameters[0].Type),
        ("Base64Url", "EncodeToString" or "EncodeToChars") => true,
        ("WebEncoders", "Base64UrlEncode") => true,
        ("Base64UrlEncoder" or "Base64UrlTextEncoder", "Encode") => true,
        _ => false,
    };

    private static IOperation? ImplicitReceiverCreation(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectCreationOperation or IAnonymousObjectCreationOperation)
            {
                return current;
            }
        }

        return null;
    }

    // "sid" in a session's code: a member of a type, or a local of a method, whose name speaks of sessions or cookies.
    private static bool InSessionContext(ISymbol symbol)
    {
        var context = symbol is ILocalSymbol ? symbol.ContainingSymbol : (ISymbol?)OwnerType(symbol);
        for (var current = context; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var word in IdentifierWords.Split(current.Name))
            {
                if (word is "session" or "sessions" or "cookie" or "cookies" or "signin" or "login" or "logon")
                {
                    return true;
                }
            }
        }

        return false;
    }

    // "TokensToAdd" in ReplenishTokens of a token bucket counts a rate limiter's tokens.
    private static bool IsRateLimiterToken(string name, ISymbol symbol)
    {
        if (name.IndexOf("token", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return false;
        }

        var words = IdentifierWords.Split(name);
        if (!words.Contains("token") && !words.Contains("tokens"))
        {
            return false;
        }

        // The name itself ("ReplenishTokens"), then its method and types.
        for (ISymbol? current = symbol; current is not null && current is not INamespaceSymbol; current = current.ContainingSymbol)
        {
            foreach (var word in IdentifierWords.Split(current.Name))
            {
                if (RateLimitWords.Contains(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static INamedTypeSymbol? OwnerType(ISymbol symbol) => symbol switch
    {
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } => constructor.ContainingType,
        IParameterSymbol => null,
        _ => symbol.ContainingType,
    };

    // "ApiKeyGenerator" → "ApiKey", "InviteCodeService" → "InviteCode", "UserSession" stays.
    private static string WithoutRoleWords(string typeName)
    {
        var words = IdentifierWords.Split(typeName);
        while (words.Count > 1 && RoleWords.Contains(words[words.Count - 1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count == 0 || (words.Count == 1 && RoleWords.Contains(words[0])) ? string.Empty : string.Join("_", words);
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    private static ITypeSymbol UnwrapTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : type;

    // TimeSpan, DateTime, DateTimeOffset, DateOnly, TimeOnly, bool (and their nullables): no secret fits in one.
    private static bool IsTimeOrFlag(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null &&
               (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_DateTime ||
                (type.TypeKind == TypeKind.Struct && type.Name is "TimeSpan" or "DateTimeOffset" or "DateOnly" or "TimeOnly" &&
                 type.ContainingNamespace?.ToDisplayString() == "System"));
    }

    private static bool IsFloatingPoint(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64;

    // byte[], Span<byte>, ReadOnlySpan<byte>, Memory<byte>, ReadOnlyMemory<byte>.
    private static bool IsBytes(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Byte,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Span" or "ReadOnlySpan" or "Memory" or "ReadOnlyMemory" } span =>
            span.TypeArguments[0].SpecialType == SpecialType.System_Byte,
        _ => false,
    };

    private static bool IsTextOrBytes(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || IsBytes(type) || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char };

    private static ISymbol? ReferencedSymbol(IOperation operation) => ValueFlow.Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property when !property.Property.IsIndexer => property.Property,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static readonly ConcurrentDictionary<string, bool> NoSecrecyAnswers = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>One walk from a random value: the locals seen, the shape met, whether a purpose that needs no secrecy was met.</summary>
    private sealed class Walk
    {
        public Walk(CredentialNames names, IOperation origin, string? shape)
        {
            Names = names;
            Origin = origin;
            Shape = shape;
        }

        public CredentialNames Names { get; }

        public IOperation Origin { get; }

        public HashSet<ISymbol> Visited { get; } = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        /// <summary>What the value is by its shape alone (characters of a generated text, Base64 of random bytes), or null.</summary>
        public string? Shape { get; set; }

        /// <summary>Whether the value met a name of a purpose that needs no secrecy (a cache key, a file name, a room code).</summary>
        public bool MetNoSecrecyPurpose { get; private set; }

        /// <summary>Notes a name without secrecy (or a type that holds no secret); true when it is one.</summary>
        public bool StopsAt(string name, ITypeSymbol? type)
        {
            if ((type is not null && (IsTimeOrFlag(type) || IsFloatingPoint(type))) || HasNoSecrecyWord(name))
            {
                MetNoSecrecyPurpose = true;
                return true;
            }

            return false;
        }

        public string? Verdict(string? found) => found ?? (Shape is not null && !MetNoSecrecyPurpose ? Shape : null);

        // A code base repeats its names: answers are remembered, as CredentialNames does, up to its limit.
        private static bool HasNoSecrecyWord(string name)
        {
            if (NoSecrecyAnswers.TryGetValue(name, out var known))
            {
                return known;
            }

            var answer = false;
            foreach (var word in IdentifierWords.Split(name))
            {
                if (NoSecrecyWords.Contains(word))
                {
                    answer = true;
                    break;
                }
            }

            if (NoSecrecyAnswers.Count < CredentialNames.MaxRemembered)
            {
                NoSecrecyAnswers.TryAdd(name, answer);
            }

            return answer;
        }
    }
}
