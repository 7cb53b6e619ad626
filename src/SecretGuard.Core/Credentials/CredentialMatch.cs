using SecretGuard.Naming;

namespace SecretGuard.Credentials;

/// <summary>Where a credential was found in a text. It holds positions, not the text.</summary>
internal sealed class CredentialMatch
{
    internal CredentialMatch(CredentialFamily family, int index, int length, SecretEvidence evidence = SecretEvidence.Strong, string? weakBecause = null)
    {
        Family = family;
        Index = index;
        Length = length;
        Evidence = evidence;
        WeakBecause = weakBecause;
    }

    /// <summary>The family that matched.</summary>
    public CredentialFamily Family { get; }

    /// <summary>Start of the match in the text.</summary>
    public int Index { get; }

    /// <summary>Length of the match.</summary>
    public int Length { get; }

    /// <summary>
    /// <see cref="SecretEvidence.Strong"/> for a format, or for a password a reviewer would call a real one;
    /// <see cref="SecretEvidence.Weak"/> for a password of a connection string, URL or Basic header that is a plain
    /// word, short, or spells a default (<see cref="CredentialFamily.PasswordOf"/>): the IDE-only tier, SG0009.
    /// </summary>
    public SecretEvidence Evidence { get; }

    /// <summary>Why the evidence is weak, for messages; null when it is strong.</summary>
    public string? WeakBecause { get; }

    /// <summary>Names the family; never shows the match.</summary>
    public override string ToString() => Family.Description + " at " + Index;
}
