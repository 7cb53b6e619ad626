using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SecretGuard.IO;
using SecretGuard.KeyFiles;

namespace SecretGuard.Tests;

/// <summary>
/// Key material is kept in arrays from the point it is read, and every array a helper owns is zeroed when it is done
/// (docs/operations.md#memory-hygiene): the key file's text and keys, the key bytes of a new key, the characters of a
/// printed key, and the buffers a secret is read from standard input into. These tests look at the arrays themselves.
/// </summary>
public sealed class KeyMemoryTests
{
    private static readonly byte[] Key0 = Enumerable.Range(0, 32).Select(i => (byte)(i + 1)).ToArray();
    private static readonly byte[] Key1 = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly string B0 = Convert.ToBase64String(Key0);
    private static readonly string B1 = Convert.ToBase64String(Key1);

    [Fact]
    public void Disposing_a_key_file_zeroes_its_text_and_every_key_read_from_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File(KeyFile.DefaultFileName);
        File.WriteAllText(path, "# keys\ndev = " + B0 + "\ndev.previous = " + B1 + "\ndev = " + B1 + "\n");

        var file = KeyFile.Load(path);
        var lines = file.LinesForTests.ToList();
        var keys = file.Definitions("dev", previous: false).Concat(file.Definitions("dev", previous: true)).Select(d => d.Entry!).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Contains(lines, line => new string(line).Contains(B0, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.Contains(key.RawKeyBytesForTests, b => b != 0));

        file.Dispose();

        Assert.All(lines, line => Assert.All(line, c => Assert.Equal('\0', c)));
        Assert.All(keys, key => Assert.All(key.RawKeyBytesForTests, b => Assert.Equal(0, b)));
        Assert.Throws<ObjectDisposedException>(() => keys[0].GetKeyBytes());
        Assert.Throws<ObjectDisposedException>(() => file.Save());
    }

    [Fact]
    public void An_edit_zeroes_the_line_it_replaces_or_removes_and_the_keys_of_the_earlier_read()
    {
        using var file = KeyFile.Parse("dev = " + B0 + "\nprod.previous = " + B1 + "\n");
        var devLine = file.LinesForTests[0];
        var previousLine = file.LinesForTests[1];
        var oldEntry = file.Find("dev")!;

        file.Set("dev", previous: false, Key1);
        Assert.All(devLine, c => Assert.Equal('\0', c));
        Assert.All(oldEntry.RawKeyBytesForTests, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => oldEntry.GetKeyBytes());
        Assert.Equal(Key1, file.Find("dev")!.GetKeyBytes());

        Assert.True(file.Remove("prod", previous: true));
        Assert.All(previousLine, c => Assert.Equal('\0', c));
        Assert.Equal("dev = " + B1 + "\n", file.ToText());
    }

    [Fact]
    public void Load_reads_utf16_and_utf8_with_or_without_a_byte_order_mark_as_File_ReadAllText_does()
    {
        using var dir = new TempDirectory();
        var path = dir.File(KeyFile.DefaultFileName);
        var text = "dev = " + B0 + "\r\nprod = " + B1 + "\r\n";
        foreach (var encoding in new Encoding[] { new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), new UTF32Encoding(false, true) })
        {
            File.WriteAllBytes(path, encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
            using var file = KeyFile.Load(path);
            Assert.Empty(file.Findings);
            Assert.Equal(Key0, file.Find("dev")!.GetKeyBytes());
            Assert.Equal(Key1, file.Find("prod")!.GetKeyBytes());
            Assert.Equal(File.ReadAllText(path), file.ToText());
        }
    }

    [Fact]
    public void Keys_decode_from_a_character_range_without_a_copy_of_the_text_as_from_a_string()
    {
        var line = ("dev = " + B0 + "   ").ToCharArray();
        Assert.True(KeyFile.TryDecodeKey(line, 6, line.Length - 6, out var fromRange));
        Assert.True(KeyFile.TryDecodeKey(B0, out var fromString));
        Assert.Equal(Key0, fromRange);
        Assert.Equal(fromString, fromRange);
        Assert.False(KeyFile.TryDecodeKey(line, 0, line.Length, out _));

        // Base64 with non-zero unused bits in its last character reads as Convert reads it.
        var lenient = B0[..42] + "B=";
        Assert.True(KeyFile.TryDecodeKey(lenient, out var key));
        Assert.Equal(Convert.FromBase64String(lenient), key);
    }

    [Fact]
    public void Key_bytes_are_zeroed_when_their_holder_is_disposed()
    {
        var bytes = (byte[])Key0.Clone();
        using (var key = new KeyBytes(bytes))
        {
            Assert.Same(bytes, key.Bytes);
        }

        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_printed_key_passes_through_a_character_array_that_is_zeroed_afterwards()
    {
        var writer = new CapturingWriter();
        KeyText.WriteLine(writer, Key0);

        Assert.Equal(B0 + Environment.NewLine, writer.Text.ToString());
        var passed = Assert.Single(writer.Arrays, array => array.Length == 44); // the other is the writer's own line break
        Assert.Same(passed, writer.Arrays[0]);
        Assert.All(passed, c => Assert.Equal('\0', c));
    }

    [Theory]
    [InlineData("s3cret value\n", "s3cret value")]
    [InlineData("s3cret value\r\n", "s3cret value")]
    [InlineData("two\nlines\n\n", "two\nlines\n")]
    [InlineData("\uFEFFwith a byte order mark\n", "with a byte order mark")]
    [InlineData("no final newline ✓", "no final newline ✓")]
    [InlineData("\n", "")]
    public void A_secret_read_from_a_stream_leaves_every_buffer_it_used_zeroed(string input, string expected)
    {
        var bytes = new List<byte[]>();
        var chars = new List<char[]>();
        using var stream = new MemoryStream(new UTF8Encoding(false).GetBytes(input));

        Assert.True(SecretText.TryReadValue(stream, out var value, n => Remember(bytes, new byte[n]), n => Remember(chars, new char[n])));

        Assert.Equal(expected, value);
        Assert.NotEmpty(bytes);
        Assert.All(bytes, buffer => Assert.All(buffer, b => Assert.Equal(0, b)));
        Assert.All(chars, buffer => Assert.All(buffer, c => Assert.Equal('\0', c)));
    }

    [Fact]
    public void A_long_secret_grows_the_buffer_and_every_buffer_left_behind_is_zeroed_too()
    {
        var secret = string.Concat(Enumerable.Repeat("0123456789abcdef", 1000)); // 16 000 bytes: several growths
        var bytes = new List<byte[]>();
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes(secret));

        Assert.True(SecretText.TryReadValue(stream, out var value, n => Remember(bytes, new byte[n])));

        Assert.Equal(secret, value);
        Assert.True(bytes.Count >= 3, "expected the buffer to grow");
        Assert.All(bytes, buffer => Assert.All(buffer, b => Assert.Equal(0, b)));
    }

    [Fact]
    public void Invalid_utf8_is_refused_and_its_bytes_are_zeroed()
    {
        var bytes = new List<byte[]>();
        using var stream = new MemoryStream(new byte[] { 0x73, 0x65, 0xC3, 0x28, 0x63 });

        Assert.False(SecretText.TryReadValue(stream, out var value, n => Remember(bytes, new byte[n])));

        Assert.Equal(string.Empty, value);
        Assert.All(bytes, buffer => Assert.All(buffer, b => Assert.Equal(0, b)));
    }

    private static T Remember<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    /// <summary>A writer that keeps the arrays it is given (by reference) and what they held at the time.</summary>
    private sealed class CapturingWriter : TextWriter
    {
        public List<char[]> Arrays { get; } = new();

        public StringBuilder Text { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Text.Append(value);

        public override void Write(char[] buffer, int index, int count)
        {
            Arrays.Add(buffer);
            Text.Append(buffer, index, count);
        }
    }
}
