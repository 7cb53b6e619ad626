using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace SecretGuard.EndToEnd;

/// <summary>Reads a binlog's bytes as a search can see them: the gzip stream, and each file of the embedded imports zip.</summary>
public static class BuildLogs
{
    public static string ReadBinlogForSearch(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.ToArray();

        var text = new StringBuilder();
        text.Append(Encoding.UTF8.GetString(bytes));
        text.Append(Encoding.Unicode.GetString(bytes));
        foreach (var entry in EmbeddedZipEntries(bytes))
        {
            text.Append('\n').Append(entry);
        }

        return text.ToString();
    }

    // Local file headers "PK\x03\x04": inflate each entry's data; sizes may be in a trailing descriptor, so inflate until the stream ends.
    private static IEnumerable<string> EmbeddedZipEntries(byte[] bytes)
    {
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4B || bytes[i + 2] != 0x03 || bytes[i + 3] != 0x04)
            {
                continue;
            }

            var method = BitConverter.ToUInt16(bytes, i + 8);
            var nameLength = BitConverter.ToUInt16(bytes, i + 26);
            var extraLength = BitConverter.ToUInt16(bytes, i + 28);
            var dataStart = i + 30 + nameLength + extraLength;
            if (dataStart >= bytes.Length)
            {
                continue;
            }

            string? content = null;
            try
            {
                if (method == 8)
                {
                    using var inflate = new DeflateStream(new MemoryStream(bytes, dataStart, bytes.Length - dataStart), CompressionMode.Decompress);
                    using var output = new MemoryStream();
                    inflate.CopyTo(output);
                    content = Encoding.UTF8.GetString(output.ToArray());
                }
                else if (method == 0)
                {
                    var size = (int)BitConverter.ToUInt32(bytes, i + 18);
                    content = Encoding.UTF8.GetString(bytes, dataStart, Math.Min(size, bytes.Length - dataStart));
                }
            }
            catch (InvalidDataException)
            {
            }

            if (content is not null)
            {
                yield return content;
            }
        }
    }
}
