// netstandard2.0 lacks the nullable-analysis attributes; the compiler accepts internal copies. [Embedded] keeps them
// out of sight of the assemblies Core shows its internals to, which have the framework's own (net8.0 and later).
namespace System.Diagnostics.CodeAnalysis;

[Microsoft.CodeAnalysis.Embedded]
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute : Attribute
{
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    public bool ReturnValue { get; }
}
