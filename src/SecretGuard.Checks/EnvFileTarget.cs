namespace SecretGuard.Checks;

/// <summary>An env file to check, the environment it belongs to, and whether it is a template.</summary>
internal sealed class EnvFileTarget
{
    /// <summary>Creates a target.</summary>
    public EnvFileTarget(string path, string? environment, bool isTemplate = false)
    {
        Path = path;
        Environment = environment;
        IsTemplate = isTemplate;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Its environment; null for a template (<c>.env.example</c>, <c>.env.template</c>).</summary>
    public string? Environment { get; }

    /// <summary>Templates are checked for syntax and real-looking secrets, never encrypted.</summary>
    public bool IsTemplate { get; }

    /// <summary>The path and environment.</summary>
    public override string ToString() => Path + " (" + (IsTemplate ? "template" : Environment) + ")";
}
