using System;
using System.IO;
using System.Text;

namespace SecretGuard.IO;

/// <summary>
/// Reads a secret value from a stream (standard input for <c>set</c> and <c>encrypt</c>) into buffers it zeroes
/// afterwards: the one copy left is the string it returns, which the caller needs and nobody can clear
/// (docs/operations.md#memory-hygiene).
/// </summary>
internal static class SecretText
{
    private const int InitialBufferLength = 4096;

    /// <summary>
    /// Reads the whole stream as strict UTF-8, without a byte order mark and without one final line break (<c>\n</c> or
    /// <c>\r\n</c>, as <c>echo</c> adds): false when it is not valid UTF-8. The buffers come from
    /// <paramref name="allocateBytes"/> and <paramref name="allocateChars"/> (new arrays by default; tests pass their
    /// own to see them zeroed), and every one of them is zeroed before this returns.
    /// </summary>
    public static bool TryReadValue(Stream input, out string value, Func<int, byte[]>? allocateBytes = null, Func<int, char[]>? allocateChars = null)
    {
        allocateBytes ??= length => new byte[length];
        allocateChars ??= length => new char[length];
        value = string.Empty;
        var bytes = allocateBytes(InitialBufferLength);
        char[]? chars = null;
        try
        {
            var length = 0;
            int read;
            while ((read = input.Read(bytes, length, bytes.Length - length)) > 0)
            {
                length += read;
                if (length == bytes.Length)
                {
                    // Growing leaves the old buffer behind: zero it before letting go.
                    var larger = allocateBytes(bytes.Length * 2);
                    Array.Copy(bytes, larger, length);
                    Array.Clear(bytes, 0, bytes.Length);
                    bytes = larger;
                }
            }

            var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            int count;
            try
            {
                count = strict.GetCharCount(bytes, 0, length);
            }
            catch (DecoderFallbackException)
            {
                return false; // its message would quote the bytes: never passed on
            }

            chars = allocateChars(count);
            strict.GetChars(bytes, 0, length, chars, 0);
            var start = count > 0 && chars[0] == '\uFEFF' ? 1 : 0;
            var end = count;
            if (end > start && chars[end - 1] == '\n')
            {
                end--;
                if (end > start && chars[end - 1] == '\r')
                {
                    end--;
                }
            }

            value = new string(chars, start, end - start);
            return true;
        }
        finally
        {
            Array.Clear(bytes, 0, bytes.Length);
            if (chars is not null)
            {
                Array.Clear(chars, 0, chars.Length);
            }
        }
    }
}
