using System;
using System.Security.Cryptography;
using SecretGuard.Crypto;
using SecretGuard.Diagnostics;
using SecretGuard.Encryption;

namespace SecretGuard.Keys;

/// <summary>
/// A version 2 public key (docs/formats.md#version-2-public-key-values): a point of P-256 as 65 bytes
/// <c>04 || X || Y</c>, written <c>sgpub2_</c> and its unpadded base64url. Its rid, the first 8 hex characters of
/// SHA-256 of the 65 bytes, names it in every value encrypted to it. Public: nothing about it is secret.
/// </summary>
internal sealed class RecipientKey
{
    /// <summary>What every public key text starts with.</summary>
    public const string Prefix = "sgpub2_";

    private readonly byte[] _point;
    private readonly object _gate = new();
    private ECDiffieHellman? _platform;
    private ECDiffieHellmanPublicKey? _platformKey;

    private RecipientKey(byte[] point, string source)
    {
        _point = point;
        Source = source;
        RecipientId = RidOf(point);
    }

    /// <summary>The rid: 8 lower-case hex characters.</summary>
    public string RecipientId { get; }

    /// <summary>Where the key was read from (a file and line, a variable), for messages.</summary>
    public string Source { get; }

    /// <summary>The 65-byte uncompressed point.</summary>
    public ReadOnlySpan<byte> Point => _point;

    /// <summary>The rid of a 65-byte point: the first 8 lower-case hex characters of its SHA-256.</summary>
    public static string RidOf(ReadOnlySpan<byte> point) => Convert.ToHexString(SHA256.HashData(point), 0, 4).ToLowerInvariant();

    /// <summary>A public key from its 65-byte point; false when it is not a point of P-256.</summary>
    public static bool TryFromPoint(ReadOnlySpan<byte> point, string source, out RecipientKey? key)
    {
        key = P256.IsOnCurve(point) ? new RecipientKey(point.ToArray(), source) : null;
        return key is not null;
    }

    /// <summary>
    /// Reads <c>sgpub2_...</c> exactly (spaces and tabs around it and line breaks after it are ignored, nothing inside
    /// it is); false for anything else, a point not on the curve included.
    /// </summary>
    public static bool TryParse(string? text, string source, out RecipientKey? key)
    {
        key = null;
        var trimmed = text?.Trim(' ', '\t').TrimEnd('\r', '\n', ' ', '\t');
        if (trimmed is null || !trimmed.StartsWith(Prefix, StringComparison.Ordinal) ||
            !Base64Url.TryDecode(trimmed.Substring(Prefix.Length), out var point) || point.Length != EncryptedValue.PointLength)
        {
            return false;
        }

        return TryFromPoint(point, source, out key);
    }

    /// <summary>As <see cref="TryParse"/>, or SG1012 naming <paramref name="source"/>, never the text.</summary>
    public static RecipientKey Parse(string? text, string source) =>
        TryParse(text, source, out var key)
            ? key!
            : throw new SecretGuardException(DiagnosticIds.MissingMasterKey, SecretGuardErrorReason.InvalidKey,
                "The public key in " + source + " is not a version 2 public key ('" + Prefix + "' and 87 base64url characters of a point of P-256, with no space or line break inside).");

    /// <summary>The text form, <c>sgpub2_...</c>: a public key may be shown.</summary>
    public string ToText() => Prefix + Base64Url.Encode(_point);

    /// <summary>The key as the platform's crypto takes it, made once.</summary>
    internal ECDiffieHellmanPublicKey PlatformKey
    {
        get
        {
            lock (_gate)
            {
                _platform ??= ECDiffieHellman.Create(ToParameters(_point));
                return _platformKey ??= _platform.PublicKey;
            }
        }
    }

    /// <summary>ECParameters of a public point.</summary>
    internal static ECParameters ToParameters(ReadOnlySpan<byte> point) => new()
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = point.Slice(1, 32).ToArray(), Y = point.Slice(33, 32).ToArray() },
    };

    /// <summary>Names the key by rid and source.</summary>
    public override string ToString() => "public key " + RecipientId + " (" + Source + ")";
}
