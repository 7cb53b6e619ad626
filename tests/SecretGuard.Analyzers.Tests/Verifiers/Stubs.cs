namespace SecretGuard.Analyzers.Tests.Verifiers;

/// <summary>Types the test code uses that the .NET 8 reference assemblies do not have.</summary>
internal static class Stubs
{
    public const string Source = """
        namespace SecretGuard
        {
            public static class Secrets
            {
                public static string Get(string name) => name;
            }
        }

        namespace Microsoft.IdentityModel.Tokens
        {
            public class SymmetricSecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { }
            }
        }

        namespace Microsoft.Data.SqlClient
        {
            public class SqlConnectionStringBuilder
            {
                public string Password { get; set; } = "";
                public string UserID { get; set; } = "";
                public string DataSource { get; set; } = "";
            }
        }
        """;
}
