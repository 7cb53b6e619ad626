using System;
using System.IO;

namespace SecretGuard.KeyFiles;

/// <summary>
/// A master key printed as standard base64 (<c>keygen --print</c>, <c>rotate --print-new-key</c>) through a character
/// array that is zeroed afterwards, never through a string, which could not be.
/// </summary>
internal static class KeyText
{
    /// <summary>Writes the key and a line break. What the writer buffers is the writer's (docs/operations.md#memory-hygiene).</summary>
    public static void WriteLine(TextWriter writer, byte[] key)
    {
        var text = new char[(key.Length + 2) / 3 * 4];
        try
        {
            Convert.ToBase64CharArray(key, 0, key.Length, text, 0);
            writer.Write(text);
            writer.WriteLine();
        }
        finally
        {
            Array.Clear(text, 0, text.Length);
        }
    }
}
