namespace SecretGuard.CodeFixes;

/// <summary>What a secret move does to the declaration around the moved value.</summary>
internal enum DeclarationChange
{
    /// <summary>Nothing: the value is replaced where it stands.</summary>
    None,

    /// <summary>
    /// A static or const field, or a static get-only property, initialized with the value becomes a property that
    /// reads it (<c>static string ApiKey =&gt; Secrets.Get("API_KEY_SECRET");</c>): a read that throws then fails that
    /// read, not the type's initialization.
    /// </summary>
    ToProperty,

    /// <summary>A <c>const</c> local loses <c>const</c>.</summary>
    RemoveConst,

    /// <summary>No move keeps the program's behaviour.</summary>
    Impossible,
}
