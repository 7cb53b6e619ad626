using System;
using System.Globalization;
using SecretGuard.Keys;

namespace SecretGuard.Benchmarks;

/// <summary>Fixed inputs shared by the crypto benchmarks.</summary>
internal static class BenchmarkData
{
    public const string Environment = "dev";

    /// <summary>
    /// The known-answer vectors' master key (bytes 0x00..0x1f, docs/formats.md#known-answer-vectors): fixed, so every
    /// run derives the same AES key.
    /// </summary>
    public static MasterKey MasterKey()
    {
        var bytes = new byte[32];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        return Keys.MasterKey.FromBytes(bytes, "benchmark key");
    }

    /// <summary>Entry names such as <c>SERVICE_0042_API_KEY_SECRET</c>.</summary>
    public static string[] KeyNames(int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = "SERVICE_" + i.ToString("D4", CultureInfo.InvariantCulture) + "_API_KEY_SECRET";
        }

        return names;
    }

    /// <summary>Plaintexts of 16 to 64 characters, like API keys, passwords and connection-string parts.</summary>
    public static string[] Plaintexts(int count, int seed = 7)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!@%";
        var random = new Random(seed);
        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            var chars = new char[16 + random.Next(49)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            values[i] = new string(chars);
        }

        return values;
    }
}
