namespace SecretGuard.EnvFiles
{
    /// <summary>A line that carries no entry and is kept as it is.</summary>
    public abstract class EnvTrivia : EnvNode
    {
        private string _content;
        private string _lineEnding;

        internal EnvTrivia(int line, string content, string lineEnding)
            : base(line)
        {
            _content = content;
            _lineEnding = lineEnding;
        }

        /// <summary>The line without its line ending.</summary>
        public string Content => _content;

        /// <inheritdoc />
        public override string Text => _content + _lineEnding;

        /// <inheritdoc />
        public override string LineEnding => _lineEnding;

        internal override void SetLineEnding(string lineEnding) => _lineEnding = lineEnding;
    }

    /// <summary>An empty or whitespace-only line.</summary>
    public sealed class EnvBlankLine : EnvTrivia
    {
        internal EnvBlankLine(int line, string content, string lineEnding)
            : base(line, content, lineEnding)
        {
        }
    }

    /// <summary>A full-line comment (<c># ...</c>, optionally indented).</summary>
    public sealed class EnvComment : EnvTrivia
    {
        internal EnvComment(int line, string content, string lineEnding)
            : base(line, content, lineEnding)
        {
        }
    }

    /// <summary>A line the parser could not read; kept verbatim so a rewrite loses nothing. A SG1001 finding points at it.</summary>
    public sealed class EnvInvalidLine : EnvTrivia
    {
        internal EnvInvalidLine(int line, string content, string lineEnding)
            : base(line, content, lineEnding)
        {
        }

        /// <summary>Never shows the line: it may hold a secret.</summary>
        public override string ToString() => "invalid line " + Line;
    }
}
