using System;
using SecretGuard.Diagnostics;

namespace SecretGuard
{
    /// <summary>
    /// A SecretGuard failure with the id of the problem (<see cref="ErrorCode"/>, the same SG id the build and the CLI
    /// use) and where it is. Its message names keys, files, lines, environments and kids — never a value or a key.
    /// </summary>
    public sealed class SecretGuardException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public SecretGuardException(
            string errorCode,
            SecretGuardErrorReason reason,
            string message,
            string? keyName = null,
            string? environment = null,
            string? kid = null,
            string? filePath = null,
            int? line = null)
            : base(message)
        {
            ErrorCode = errorCode;
            Reason = reason;
            KeyName = keyName;
            Environment = environment;
            Kid = kid;
            FilePath = filePath;
            Line = line;
            HelpLink = HelpLinks.For(errorCode);
        }

        /// <summary>The SG id, e.g. <c>SG1006</c>.</summary>
        public string ErrorCode { get; }

        /// <summary>The kind of failure.</summary>
        public SecretGuardErrorReason Reason { get; }

        /// <summary>The entry's name, when the failure is about one value.</summary>
        public string? KeyName { get; }

        /// <summary>The environment involved.</summary>
        public string? Environment { get; }

        /// <summary>The kid the value names, when known.</summary>
        public string? Kid { get; }

        /// <summary>The file the value came from, when it came from a file.</summary>
        public string? FilePath { get; }

        /// <summary>The line in <see cref="FilePath"/>.</summary>
        public int? Line { get; }
    }
}
