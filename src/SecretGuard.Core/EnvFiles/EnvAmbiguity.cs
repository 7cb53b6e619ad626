namespace SecretGuard.EnvFiles;

/// <summary>Tests shared by the parser's SG1003 findings and the value writer, so both agree on what is ambiguous.</summary>
internal static class EnvAmbiguity
{
    /// <summary>
    /// Whether the value holds something a shell, docker compose or dotenv-expand would substitute:
    /// <c>$NAME</c>, <c>${NAME}</c> or <c>$(command)</c>. A lone <c>$</c> (<c>5$</c>) is read the same everywhere.
    /// </summary>
    public static bool HasVariableReference(string value) => IndexOfVariableReference(value, 0, value.Length) >= 0;

    public static int IndexOfVariableReference(string text, int start, int end)
    {
        for (var i = start; i < end - 1; i++)
        {
            if (text[i] != '$')
            {
                continue;
            }

            var next = text[i + 1];
            if (next == '{' || next == '(' || next == '_' || (next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z'))
            {
                return i;
            }
        }

        return -1;
    }
}
