namespace SecretGuard.Encryption;

/// <summary>
/// The ordered rule that decides whether a value is encrypted, a damaged encrypted value or plaintext
/// (docs/formats.md#recognising-an-encrypted-value). Every reader goes through here (the build's checks, the command
/// line, the runtime), so a ciphertext whose prefix lost its case or a character is an error everywhere and is never
/// returned as plaintext or encrypted as if it were one. The step names (1, 2a, 2b, 2c) are the spec's.
/// </summary>
internal static class EncryptedValueRecognition
{
    // The marker between the environment and the version, as 2a and 2b compare it (ignoring ASCII case).
    private const string Marker = "_ENC:";

    // 2c: the shortest v1 payload, nonce and tag (28 bytes), is 38 base64url characters.
    private const int ShortestPayloadLength = 38;

    /// <summary>What <paramref name="value"/> is, by the spec's ordered rule.</summary>
    public static ValueForm Recognise(string? value)
    {
        if (value is null)
        {
            return ValueForm.Plaintext;
        }

        if (EncryptedValue.HasEncryptedPrefix(value))
        {
            return ValueForm.Encrypted; // step 1
        }

        return IsDamaged(value) ? ValueForm.Damaged : ValueForm.Plaintext;
    }

    /// <summary>Whether the value is encrypted or damaged: anything but plaintext, which nothing may encrypt (again).</summary>
    public static bool LooksEncrypted(string? value) => Recognise(value) != ValueForm.Plaintext;

    /// <summary>Whether the value is damaged (step 2): not in the exact form, but shaped like an encrypted value.</summary>
    public static bool IsDamaged(string? value)
    {
        if (value is null || EncryptedValue.HasEncryptedPrefix(value))
        {
            return false;
        }

        // T: the value without whitespace and quote characters around it.
        var start = 0;
        var end = value.Length;
        while (start < end && IsTrimmed(value[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(value[end - 1]))
        {
            end--;
        }

        return end > start && (StartsLikeAPrefix(value, start, end) || EndsLikeABody(value, start, end));
    }

    // 2a `<E>_ENC:` and 2b `<E><M>v<digits>:` at the start of T, for any split of T into <E> (letters and digits) and the rest.
    private static bool StartsLikeAPrefix(string text, int start, int end)
    {
        var lettersAndDigitsEnd = start;
        while (lettersAndDigitsEnd < end && IsAsciiLetterOrDigit(text[lettersAndDigitsEnd]))
        {
            lettersAndDigitsEnd++;
        }

        for (var markerStart = start + 1; markerStart <= lettersAndDigitsEnd; markerStart++)
        {
            if (markerStart + Marker.Length <= end && EqualsIgnoringCase(text, markerStart, Marker, Marker.Length))
            {
                return true; // 2a
            }

            for (var markerLength = Marker.Length - 1; markerLength <= Marker.Length + 1 && markerStart + markerLength <= end; markerLength++)
            {
                if (IsOneEditFromMarker(text, markerStart, markerLength) && IsVersionThenColon(text, markerStart + markerLength, end))
                {
                    return true; // 2b
                }
            }
        }

        return false;
    }

    // 2c: T ends with `:v<digits>:<field>:<field>...`, two or more base64url fields, the last at least 38 characters.
    // Read from the end: fields hold no colon, so each run of base64url characters back to a colon is one field.
    private static bool EndsLikeABody(string text, int start, int end)
    {
        var fieldEnd = end;
        var fieldsAfter = 0;
        while (true)
        {
            var fieldStart = fieldEnd;
            while (fieldStart > start && IsBase64UrlCharacter(text[fieldStart - 1]))
            {
                fieldStart--;
            }

            var length = fieldEnd - fieldStart;
            if (length == 0 || fieldStart == start || text[fieldStart - 1] != ':')
            {
                return false;
            }

            if (fieldsAfter == 0 && length < ShortestPayloadLength)
            {
                return false;
            }

            if (fieldsAfter >= 2 && IsVersion(text, fieldStart, fieldEnd))
            {
                return true;
            }

            fieldsAfter++;
            fieldEnd = fieldStart - 1;
        }
    }

    // One character replaced, inserted or deleted turns text[offset, offset + length) into "_ENC:" (ignoring case).
    private static bool IsOneEditFromMarker(string text, int offset, int length)
    {
        if (length == Marker.Length)
        {
            var differences = 0;
            for (var i = 0; i < length; i++)
            {
                if (!SameIgnoringCase(text[offset + i], Marker[i]) && ++differences > 1)
                {
                    return false;
                }
            }

            return true;
        }

        // Deleted (the text is one shorter) or inserted (one longer): skipping one character of the longer side makes them equal.
        var shorterIsText = length < Marker.Length;
        var longer = shorterIsText ? Marker.Length : length;
        for (var skip = 0; skip < longer; skip++)
        {
            var equal = true;
            for (int i = 0, j = 0; i < longer && equal; i++)
            {
                if (i == skip)
                {
                    continue;
                }

                equal = shorterIsText
                    ? SameIgnoringCase(text[offset + j], Marker[i])
                    : SameIgnoringCase(text[offset + i], Marker[j]);
                j++;
            }

            if (equal)
            {
                return true;
            }
        }

        return false;
    }

    // `v<digits>:` at text[index], the colon before end.
    private static bool IsVersionThenColon(string text, int index, int end)
    {
        var colon = index + 1;
        while (colon < end && text[colon] >= '0' && text[colon] <= '9')
        {
            colon++;
        }

        return colon < end && text[colon] == ':' && IsVersion(text, index, colon);
    }

    // `v<digits>`, exactly text[start, end), either case of v.
    private static bool IsVersion(string text, int start, int end)
    {
        if (end - start < 2 || (text[start] != 'v' && text[start] != 'V'))
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool EqualsIgnoringCase(string text, int offset, string expected, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (!SameIgnoringCase(text[offset + i], expected[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameIgnoringCase(char a, char b) => ToUpperAscii(a) == ToUpperAscii(b);

    private static char ToUpperAscii(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

    private static bool IsBase64UrlCharacter(char c) => IsAsciiLetterOrDigit(c) || c == '-' || c == '_';

    private static bool IsTrimmed(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' || c == '`';
}
