using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SecretGuard.Tests;

/// <summary>
/// SecretGuard.Runtime.dll goes into every application's output, so it must hold only what a running app needs
/// (docs/architecture.md): no env-file checks, no build lock, and no way to start a process. Read from the assembly's
/// metadata, so a type or a call that slips back in fails here whatever its accessibility.
/// </summary>
public sealed class RuntimeAssemblyContentsTests
{
    private static readonly string RuntimeAssemblyPath = typeof(Secrets).Assembly.Location;

    [Fact]
    public void The_runtime_assembly_defines_no_build_side_namespace()
    {
        var namespaces = DefinedTypes().Select(t => t.Namespace).Distinct().ToList();

        Assert.DoesNotContain("SecretGuard.Checks", namespaces);
        Assert.DoesNotContain(DefinedTypes(), t => t.Name is "EnvCheckRunner" or "EnvFileLock" or "KeyFileHygiene");
    }

    [Fact]
    public void The_runtime_assembly_references_no_process_api()
    {
        var referenced = ReferencedTypes().ToList();

        Assert.Contains(referenced, t => t.Namespace == "System.Security.Cryptography"); // the reader works
        Assert.DoesNotContain(referenced, t => t.Namespace == "System.Diagnostics" && t.Name is "Process" or "ProcessStartInfo");
    }

    private static IEnumerable<(string Namespace, string Name)> DefinedTypes()
    {
        using var pe = new PEReader(File.OpenRead(RuntimeAssemblyPath));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => (metadata.GetString(type.Namespace), metadata.GetString(type.Name)))
            .ToList();
    }

    private static IEnumerable<(string Namespace, string Name)> ReferencedTypes()
    {
        using var pe = new PEReader(File.OpenRead(RuntimeAssemblyPath));
        var metadata = pe.GetMetadataReader();
        return metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(type => (metadata.GetString(type.Namespace), metadata.GetString(type.Name)))
            .ToList();
    }
}
