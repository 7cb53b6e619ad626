namespace SecretGuard.RealCode;

/// <summary>A hand verdict on one finding: at <see cref="Path"/>:<see cref="Line"/>, rule <see cref="Rule"/>, real or not, and why.</summary>
/// <param name="ValueHash">The finding's value hash when it was labelled: a changed hash means the label now sits on another value.</param>
/// <param name="FileLine">The label's own line in its labels file, for messages.</param>
internal sealed record Label(string Path, int Line, string Rule, bool IsReal, string ValueHash, string Reason, int FileLine);
