namespace SecretGuard.Credentials;

/// <summary>A password found inside a credential format (a connection string, a URL, a Basic header) and the user it goes with.</summary>
internal readonly struct ChosenPassword
{
    public ChosenPassword(string password, string? user)
    {
        Password = password;
        User = user;
    }

    public string Password { get; }

    public string? User { get; }
}
