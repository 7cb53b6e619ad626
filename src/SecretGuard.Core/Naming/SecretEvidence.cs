namespace SecretGuard.Naming;

/// <summary>How much a value shows a hardcoded secret: the tier a finding is reported at (docs/rules/SG0009.md).</summary>
internal enum SecretEvidence
{
    /// <summary>Not a secret: a placeholder, a name, text for people, code, a value that is public, hashed or encrypted.</summary>
    None,

    /// <summary>Could be a secret, but a reviewer would want a look first: reported as SG0009, a suggestion (IDE only).</summary>
    Weak,

    /// <summary>Looks like a real secret: reported as SG0001, SG0002 or SG0007, a warning (an error in CI).</summary>
    Strong,
}
