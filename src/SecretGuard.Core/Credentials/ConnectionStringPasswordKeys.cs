using System;

namespace SecretGuard.Credentials;

/// <summary>
/// The connection-string keys whose value the <c>connection-string-password</c> family reads as a password
/// (<c>Password=</c>, <c>Pwd=</c>, <c>AccountKey=</c>, <c>SharedAccessKey=</c>, <c>SharedSecret=</c>): SG0001 judges them,
/// with the user name and the server at hand, so SG0002's field check leaves them alone.
/// </summary>
internal static class ConnectionStringPasswordKeys
{
    private static readonly string[] Keys = { "password", "pwd", "accountkey", "sharedaccesskey", "sharedsecret", "sharedsecretvalue" };

    /// <summary>Whether the key (any case, spaces ignored) is one of them.</summary>
    public static bool Contains(string key)
    {
        var compact = key.Replace(" ", string.Empty);
        foreach (var known in Keys)
        {
            if (string.Equals(compact, known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keys, lower case, for the test that holds them to the family's pattern.</summary>
    internal static string[] All => (string[])Keys.Clone();
}
