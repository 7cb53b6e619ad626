using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SecretGuard.RealCode;

/// <summary>The reference assemblies of the running SDK's newest Microsoft.NETCore.App and Microsoft.AspNetCore.App packs.</summary>
internal static class ReferencePacks
{
    private static readonly string[] Packs = { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" };

    public static IReadOnlyList<MetadataReference> Load()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var references = new List<MetadataReference>();
        foreach (var pack in Packs)
        {
            var versions = Path.Combine(dotnetRoot, "packs", pack);
            var newest = Directory.Exists(versions)
                ? Directory.GetDirectories(versions).OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).FirstOrDefault()
                : null;
            var refFolder = newest is null ? null : Directory.GetDirectories(Path.Combine(newest, "ref")).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault();
            if (refFolder is null)
            {
                throw new InvalidOperationException($"No {pack} reference pack under {versions}: install the .NET SDK with ASP.NET Core.");
            }

            references.AddRange(Directory.GetFiles(refFolder, "*.dll").Select(f => MetadataReference.CreateFromFile(f)));
        }

        return references;
    }
}
