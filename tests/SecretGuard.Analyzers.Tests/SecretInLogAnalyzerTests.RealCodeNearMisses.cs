using System.Threading.Tasks;

namespace SecretGuard.Analyzers.Tests;

/// <summary>SG0004 near misses the real-code loop found after the flow and sink work of issue 15 (docs/accuracy.md).</summary>
public partial class SecretInLogAnalyzerTests
{
    [Theory]
    // A method that acts on a password returns what happened (errors, a message), not the password.
    [InlineData("var errors = ChangeUserPassword(userName, password); logger.LogWarning(\"Password change failed: {Errors}\", errors);")]
    [InlineData("logger.LogWarning(\"Validation: {Result}\", ValidatePassword(password));")]
    [InlineData("logger.LogInformation(\"Revoked: {Result}\", RevokeToken(apiKey));")]
    // A property named as a form made safe to show is trusted even when its getter starts from the secret.
    [InlineData("logger.LogInformation(\"Opening {ConnectionString}\", UserFacingConnectionString);")]
    public Task Methods_that_act_on_a_secret_and_sanitized_properties_are_not_reported(string body) => Verify(body, """
            string ChangeUserPassword(string user, string newPassword) => "";
            string ValidatePassword(string candidate) => candidate.Length < 12 ? "too short" : "ok";
            string RevokeToken(string token) => "revoked";
            string _connectionString = "";
            string UserFacingConnectionString => _connectionString.Replace("Password=", "Password=***");
        """);

    [Theory]
    [InlineData("logger.LogInformation(\"Issued {Key}\", {|SG0004:GenerateApiKey()|});")]
    [InlineData("logger.LogInformation(\"Opening {ConnectionString}\", {|SG0004:ConnectionInfo|});")]
    public Task Methods_that_give_a_secret_and_properties_that_return_one_are_still_reported(string body) => Verify(body, """
            string GenerateApiKey() => Guid.NewGuid().ToString("N");
            string _connectionString = "";
            string ConnectionInfo => _connectionString + ";Application Name=api";
        """);
}
