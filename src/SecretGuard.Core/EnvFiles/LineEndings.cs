namespace SecretGuard.EnvFiles;

/// <summary>The two line endings, shared instead of allocated per line.</summary>
internal static class LineEndings
{
    public const string Lf = "\n";
    public const string CrLf = "\r\n";

    public static string Of(int length) => length == 0 ? string.Empty : length == 1 ? Lf : CrLf;
}
