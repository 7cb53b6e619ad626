using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SecretGuard.Analyzers.Infrastructure;

/// <summary>
/// Compares symbols by reference, for caches keyed by <see cref="ISymbol.OriginalDefinition"/>. A definition is one object per
/// compilation, so reference equality is symbol equality for it, and costs nothing: <see cref="SymbolEqualityComparer"/>
/// hashes a constructed generic type by walking its type arguments on every lookup, which on a call-heavy code base is
/// most of what a "which type is this call on" cache costs. A key that is not a definition only costs a cache miss.
/// </summary>
internal sealed class DefinitionIdentityComparer : IEqualityComparer<ISymbol>
{
    public static readonly DefinitionIdentityComparer Instance = new DefinitionIdentityComparer();

    private DefinitionIdentityComparer()
    {
    }

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}
