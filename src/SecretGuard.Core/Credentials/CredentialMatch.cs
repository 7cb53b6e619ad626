namespace SecretGuard.Credentials;

/// <summary>Where a credential was found in a text. It holds positions, not the text.</summary>
internal sealed class CredentialMatch
{
    internal CredentialMatch(CredentialFamily family, int index, int length)
    {
        Family = family;
        Index = index;
        Length = length;
    }

    /// <summary>The family that matched.</summary>
    public CredentialFamily Family { get; }

    /// <summary>Start of the match in the text.</summary>
    public int Index { get; }

    /// <summary>Length of the match.</summary>
    public int Length { get; }

    /// <summary>Names the family; never shows the match.</summary>
    public override string ToString() => Family.Description + " at " + Index;
}
