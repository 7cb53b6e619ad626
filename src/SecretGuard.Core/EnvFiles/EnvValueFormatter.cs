using System.Text;

namespace SecretGuard.EnvFiles;

/// <summary>Writes a logical value in a quoting style so that the parser reads back exactly that value.</summary>
internal static class EnvValueFormatter
{
    /// <summary>Keeps <paramref name="preferred"/> if it writes the value plainly, else the simplest style that does.</summary>
    public static EnvQuoteStyle ChooseStyle(string value, EnvQuoteStyle preferred)
    {
        if (IsPlain(value, preferred))
        {
            return preferred;
        }

        if (IsPlain(value, EnvQuoteStyle.Single))
        {
            return EnvQuoteStyle.Single;
        }

        return EnvQuoteStyle.Double;
    }

    /// <summary>Whether the style can hold the value at all.</summary>
    public static bool CanWrite(string value, EnvQuoteStyle style)
    {
        switch (style)
        {
            case EnvQuoteStyle.None:
                return IsSafeUnquoted(value);
            case EnvQuoteStyle.Single:
                return value.IndexOf('\'') < 0 && value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0;
            default:
                return true;
        }
    }

    public static string Format(string value, EnvQuoteStyle style)
    {
        switch (style)
        {
            case EnvQuoteStyle.None:
                return value;
            case EnvQuoteStyle.Single:
                return "'" + value + "'";
            default:
                var sb = new StringBuilder(value.Length + 2).Append('"');
                foreach (var c in value)
                {
                    switch (c)
                    {
                        case '\\': sb.Append("\\\\"); break;
                        case '"': sb.Append("\\\""); break;
                        case '\n': sb.Append("\\n"); break;
                        default: sb.Append(c); break;
                    }
                }

                return sb.Append('"').ToString();
        }
    }

    // "Plain" means the style holds the value and no loader could read it differently (no SG1003 finding).
    private static bool IsPlain(string value, EnvQuoteStyle style)
    {
        if (!CanWrite(value, style))
        {
            return false;
        }

        return style != EnvQuoteStyle.Double || !EnvAmbiguity.HasVariableReference(value);
    }

    private static bool IsSafeUnquoted(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (IsBlank(value[0]) || IsBlank(value[value.Length - 1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c == '#' || c == '"' || c == '\'' || c == '`' || c == '\n' || c == '\r' || c == '\\')
            {
                return false;
            }
        }

        return !EnvAmbiguity.HasVariableReference(value);
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';
}
