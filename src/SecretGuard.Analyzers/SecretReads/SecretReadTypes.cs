using Microsoft.CodeAnalysis;

namespace SecretGuard.Analyzers.SecretReads;

/// <summary>The types SG0006 recognises reads by, resolved once per compilation; null where the compilation lacks one.</summary>
internal sealed class SecretReadTypes
{
    public SecretReadTypes(Compilation compilation)
    {
        Environment = compilation.GetTypeByMetadataName("System.Environment");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        StreamReader = compilation.GetTypeByMetadataName("System.IO.StreamReader");
        DotNetEnv = compilation.GetTypeByMetadataName("DotNetEnv.Env");
        DotNetEnvOptions = compilation.GetTypeByMetadataName("DotNetEnv.LoadOptionExtensions");
        Secrets = compilation.GetTypeByMetadataName("SecretGuard.Secrets");
        DictionaryEntry = compilation.GetTypeByMetadataName("System.Collections.DictionaryEntry");
        KeyValuePair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2");
    }

    public INamedTypeSymbol? Environment { get; }

    public INamedTypeSymbol? File { get; }

    public INamedTypeSymbol? StreamReader { get; }

    /// <summary><c>DotNetEnv.Env</c> of the DotNetEnv package: <c>Load*</c>, <c>GetString</c>, <c>GetInt</c>, ...</summary>
    public INamedTypeSymbol? DotNetEnv { get; }

    /// <summary><c>DotNetEnv.LoadOptionExtensions</c>: <c>Env.TraversePath().Load()</c>.</summary>
    public INamedTypeSymbol? DotNetEnvOptions { get; }

    public INamedTypeSymbol? Secrets { get; }

    public INamedTypeSymbol? DictionaryEntry { get; }

    public INamedTypeSymbol? KeyValuePair { get; }

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(symbol, type);
}
