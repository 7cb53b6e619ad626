using System;

namespace Microsoft.CodeAnalysis;

/// <summary>
/// The compiler's marker for a type that belongs to this assembly alone: a type marked with it is invisible to other
/// compilations even through InternalsVisibleTo, so Core's polyfills never clash with the framework's types in the
/// net8.0 assemblies that read Core's internals.
/// </summary>
[Embedded]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Interface | AttributeTargets.Delegate, Inherited = false)]
internal sealed class EmbeddedAttribute : Attribute
{
}
