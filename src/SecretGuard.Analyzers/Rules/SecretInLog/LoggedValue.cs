using Microsoft.CodeAnalysis;
using SecretGuard.Analyzers.Sensitivity;

namespace SecretGuard.Analyzers.Rules.SecretInLog;

/// <summary>One value a sink receives, with the name that vouches for it (a key, a member, a template hole), if any.</summary>
internal readonly struct LoggedValue
{
    public LoggedValue(IOperation value, string? name, Rendering rendering = Rendering.Text)
    {
        Value = value;
        Name = name;
        Rendering = rendering;
    }

    public IOperation Value { get; }

    /// <summary>The key literal, member name or hole name the value is written under, or null.</summary>
    public string? Name { get; }

    /// <summary>How the sink renders the value: as text, or destructured (<c>{@X}</c>, <c>[LogProperties]</c>).</summary>
    public Rendering Rendering { get; }
}
