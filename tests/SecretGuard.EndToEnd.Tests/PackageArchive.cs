using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace SecretGuard.EndToEnd;

/// <summary>A .nupkg or .snupkg read as what it is, a zip: its entries and the .nuspec NuGet wrote into it.</summary>
public sealed class PackageArchive
{
    private readonly Dictionary<string, byte[]> _entries;

    public PackageArchive(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        _entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
        var nuspec = _entries.Keys.Single(name => !name.Contains('/') && name.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new MemoryStream(_entries[nuspec]);
        Metadata = XDocument.Load(reader).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Path { get; }

    /// <summary>The nuspec's metadata element (its namespace depends on the features used, so look up by local name).</summary>
    public XElement Metadata { get; }

    /// <summary>The package's own files, without the OPC parts every package has.</summary>
    public IEnumerable<string> Files => _entries.Keys.Where(name =>
        !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal)
        && name != "[Content_Types].xml" && !(!name.Contains('/') && name.EndsWith(".nuspec", StringComparison.Ordinal)));

    public XElement? Element(string localName) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == localName);

    public string? Text(string localName) => Element(localName)?.Value;

    public bool Contains(string entry) => _entries.ContainsKey(entry);

    public byte[] Bytes(string entry) => _entries.TryGetValue(entry, out var bytes)
        ? bytes
        : throw new InvalidOperationException(entry + " is not in " + Path + ": " + string.Join(", ", _entries.Keys));
}
