using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecretGuard.Naming;

namespace SecretGuard.Analyzers.Sensitivity;

/// <summary>How a sink turns an object into text.</summary>
internal enum Rendering
{
    /// <summary>Its <c>ToString()</c>: interpolation, concatenation, <c>Console.WriteLine(object)</c>, a template hole <c>{X}</c> or <c>{$X}</c>.</summary>
    Text,

    /// <summary>Its public properties, one level deep and further: a template hole <c>{@X}</c>, Serilog's <c>ForContext(..., destructureObjects: true)</c>.</summary>
    Destructure,

    /// <summary>Its public properties and fields as JSON: <c>JsonSerializer.Serialize(x)</c>, <c>JsonConvert.SerializeObject(x)</c>.</summary>
    Serialize,
}

/// <summary>What rendering an object shows, as far as its type tells.</summary>
internal enum RenderedVerdict
{
    /// <summary>The type does not say (a collection, <c>object</c>, an interface, a library type's own <c>ToString</c>): judge the value by its name and flow.</summary>
    Unknown,

    /// <summary>The rendering shows a secret member.</summary>
    Exposes,

    /// <summary>The rendering shows no secret: the type's name, or members that are not secret, masked or kept out of logs.</summary>
    Hides,
}

/// <summary>
/// Whether logging an object whole shows a secret, judged from its type and remembered per type, rendering and
/// lexicon (up to <see cref="MaxRemembered"/> answers):
/// <list type="bullet">
/// <item>as text, a class or struct without a <c>ToString</c> override renders as its type's name; a record's generated
/// <c>ToString</c> prints its public members (a custom <c>PrintMembers</c> is read instead); a <c>ToString</c> override in
/// this compilation is read one level (<see cref="ReturnSummaries"/>);</item>
/// <item>destructured or serialised, its public properties (and, serialised, fields) are shown, nested types too;</item>
/// <item>a member marked to stay out of logs or JSON (<c>[NotLogged]</c>, <c>[LogMasked]</c>, <c>[JsonIgnore]</c>, a
/// <c>DataClassificationAttribute</c> of Microsoft.Extensions.Compliance, ...) never counts.</item>
/// </list>
/// A member shows a secret when its name is sensitive and it can hold text (or is a numeric credential). A wrapper's
/// payload (<c>Value</c>) leaves the verdict to the value's own name.
/// </summary>
internal sealed class RenderedObjects
{
    /// <summary>How many types' answers are kept.</summary>
    internal const int MaxRemembered = 10_000;

    private const int MaxNesting = 2;

    private readonly ReturnSummaries _summaries;
    private readonly ConcurrentDictionary<(ITypeSymbol Type, Rendering Rendering), Entry> _answers =
        new ConcurrentDictionary<(ITypeSymbol Type, Rendering Rendering), Entry>(new KeyComparer());

    public RenderedObjects(ReturnSummaries summaries) => _summaries = summaries;

    /// <summary>What rendering a value of <paramref name="type"/> this way shows.</summary>
    public RenderedVerdict Judge(ITypeSymbol? type, Rendering rendering, CredentialNames names, SecretNaming naming, CancellationToken cancellationToken)
    {
        if (type is not INamedTypeSymbol named || !IsJudged(named))
        {
            return RenderedVerdict.Unknown;
        }

        if (_answers.TryGetValue((named, rendering), out var known) && ReferenceEquals(known.Names, names) && ReferenceEquals(known.Naming, naming))
        {
            return known.Verdict;
        }

        var verdict = Compute(named, rendering, new Context(names, naming, cancellationToken), 0);
        if (_answers.Count < MaxRemembered)
        {
            _answers[(named, rendering)] = new Entry(names, naming, verdict);
        }

        return verdict;
    }

    // Classes and structs of their own: not text, numbers, object, collections (loggers and serialisers list their
    // elements), tuples and anonymous types (they print their elements), delegates or interfaces.
    private static bool IsJudged(INamedTypeSymbol type) =>
        type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsAnonymousType && !type.IsTupleType &&
        !IsEnumerable(type) && !ValueFlow.IsNonTextType(type);

    private RenderedVerdict Compute(INamedTypeSymbol type, Rendering rendering, Context context, int depth)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return rendering == Rendering.Text ? AsText(type, context, depth) : AsMembers(type, rendering, context, depth);
    }

    private RenderedVerdict AsText(INamedTypeSymbol type, Context context, int depth)
    {
        var toString = FindToString(type);
        if (toString is null)
        {
            return RenderedVerdict.Hides;
        }

        if (toString.IsImplicitlyDeclared && toString.ContainingType.IsRecord)
        {
            return RecordMembers(toString.ContainingType, context, depth);
        }

        if (toString.DeclaringSyntaxReferences.IsEmpty)
        {
            return RenderedVerdict.Unknown;
        }

        return FromSummary(_summaries.Summarize(toString, context.Names, context.Naming, context.CancellationToken));
    }

    // A record's generated ToString prints what PrintMembers appends: its public fields and readable properties, and its
    // base record's. A PrintMembers written by hand is read instead.
    private RenderedVerdict RecordMembers(INamedTypeSymbol record, Context context, int depth)
    {
        var verdict = RenderedVerdict.Hides;
        for (var current = record; current is not null && current.IsRecord; current = current.BaseType)
        {
            foreach (var printMembers in current.GetMembers("PrintMembers"))
            {
                if (printMembers is IMethodSymbol { IsImplicitlyDeclared: false } written)
                {
                    return Combine(verdict, FromSummary(_summaries.Summarize(written, context.Names, context.Naming, context.CancellationToken)));
                }
            }

            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is not null)
                {
                    verdict = Combine(verdict, Member(member, memberType, Rendering.Text, context, depth));
                    if (verdict == RenderedVerdict.Exposes)
                    {
                        return verdict;
                    }
                }
            }
        }

        return verdict;
    }

    // Destructured or serialised: public instance properties (serialised also fields), the base types' too.
    private RenderedVerdict AsMembers(INamedTypeSymbol type, Rendering rendering, Context context, int depth)
    {
        var verdict = RenderedVerdict.Hides;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    IFieldSymbol field when rendering == Rendering.Serialize => field.Type,
                    _ => null,
                };
                if (memberType is not null)
                {
                    verdict = Combine(verdict, Member(member, memberType, rendering, context, depth));
                    if (verdict == RenderedVerdict.Exposes)
                    {
                        return verdict;
                    }
                }
            }
        }

        return verdict;
    }

    private RenderedVerdict Member(ISymbol member, ITypeSymbol type, Rendering rendering, Context context, int depth)
    {
        if (IsKeptOutOfLogs(member))
        {
            return RenderedVerdict.Hides;
        }

        var name = member.Name;
        var secretName = context.Names.IsCredentialName(name) && !SensitiveNames.IsSanitized(name);
        if (type is INamedTypeSymbol nested && IsJudged(nested))
        {
            // A nested object shows what its own rendering shows; one more level at most.
            return depth < MaxNesting && !SymbolEqualityComparer.Default.Equals(nested, member.ContainingType)
                ? Compute(nested, rendering, context, depth + 1) == RenderedVerdict.Exposes ? RenderedVerdict.Exposes : RenderedVerdict.Hides
                : RenderedVerdict.Hides;
        }

        if (ValueFlow.IsNonTextType(type))
        {
            return ValueFlow.IsIntegral(type) && SensitiveNames.IsNumericCredential(name, context.Names) ? RenderedVerdict.Exposes : RenderedVerdict.Hides;
        }

        if (secretName)
        {
            return RenderedVerdict.Exposes;
        }

        // A wrapper's payload (record ApiKey(string Value)): as secret as the wrapper, which its own name tells.
        return name is "Value" or "RawValue" or "Raw" or "Plaintext" or "PlainText" ? RenderedVerdict.Unknown : RenderedVerdict.Hides;
    }

    private static RenderedVerdict FromSummary(ReturnedText text) =>
        (text & ReturnedText.Secret) != 0 ? RenderedVerdict.Exposes :
        (text & ReturnedText.Payload) != 0 ? RenderedVerdict.Unknown :
        RenderedVerdict.Hides;

    private static RenderedVerdict Combine(RenderedVerdict left, RenderedVerdict right) =>
        left == RenderedVerdict.Exposes || right == RenderedVerdict.Exposes ? RenderedVerdict.Exposes :
        left == RenderedVerdict.Unknown || right == RenderedVerdict.Unknown ? RenderedVerdict.Unknown :
        RenderedVerdict.Hides;

    // The ToString() a value's type uses, unless it is object's or ValueType's (which print the type's name).
    private static IMethodSymbol? FindToString(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
            {
                return null;
            }

            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0, IsOverride: true } method)
                {
                    return method;
                }
            }
        }

        return null;
    }

    // [NotLogged], [LogMasked] (Destructurama.Attributed), [JsonIgnore], [IgnoreDataMember], [LogPropertyIgnore],
    // [Sensitive...], [Redacted...], and classifications of Microsoft.Extensions.Compliance (whose redactors mask them).
    // A positional record's attributes may sit on its primary constructor's parameter.
    private static bool IsKeptOutOfLogs(ISymbol member)
    {
        if (HasMaskingAttribute(member))
        {
            return true;
        }

        if (member is IPropertySymbol property && property.ContainingType.IsRecord)
        {
            foreach (var constructor in property.ContainingType.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && HasMaskingAttribute(parameter))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool HasMaskingAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                var name = type.Name;
                if (name == "DataClassificationAttribute" || name.IndexOf("NotLogged", StringComparison.Ordinal) >= 0 || name.IndexOf("NoLog", StringComparison.Ordinal) >= 0 ||
                    name.IndexOf("DoNotLog", StringComparison.Ordinal) >= 0 || name.IndexOf("Mask", StringComparison.Ordinal) >= 0 ||
                    name.IndexOf("Redact", StringComparison.Ordinal) >= 0 || name.IndexOf("Ignore", StringComparison.Ordinal) >= 0 ||
                    name.IndexOf("Sensitive", StringComparison.Ordinal) >= 0 || name.IndexOf("NonSerialized", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsEnumerable(INamedTypeSymbol type)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.Name == "IEnumerable" && @interface.ContainingNamespace?.ToDisplayString() is "System.Collections" or "System.Collections.Generic")
            {
                return true;
            }
        }

        return false;
    }

    private readonly struct Context
    {
        public Context(CredentialNames names, SecretNaming naming, CancellationToken cancellationToken)
        {
            Names = names;
            Naming = naming;
            CancellationToken = cancellationToken;
        }

        public CredentialNames Names { get; }

        public SecretNaming Naming { get; }

        public CancellationToken CancellationToken { get; }
    }

    private readonly struct Entry
    {
        public Entry(CredentialNames names, SecretNaming naming, RenderedVerdict verdict)
        {
            Names = names;
            Naming = naming;
            Verdict = verdict;
        }

        public CredentialNames Names { get; }

        public SecretNaming Naming { get; }

        public RenderedVerdict Verdict { get; }
    }

    private sealed class KeyComparer : System.Collections.Generic.IEqualityComparer<(ITypeSymbol Type, Rendering Rendering)>
    {
        public bool Equals((ITypeSymbol Type, Rendering Rendering) x, (ITypeSymbol Type, Rendering Rendering) y) =>
            x.Rendering == y.Rendering && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((ITypeSymbol Type, Rendering Rendering) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 397) ^ (int)obj.Rendering;
    }
}
