using System.CommandLine;

namespace Tracer.Cli;

/// <summary>All error wording of the CLI lives here: one line, the value quoted, then a hint.</summary>
public static class ErrorPrinter
{
    /// <summary>Prints <c>error: &lt;what&gt;: '&lt;value&gt;': &lt;reason&gt;. &lt;hint&gt;</c>.</summary>
    public static void Print(TextWriter stderr, TracerException e, bool verbose)
    {
        stderr.WriteLine(Format(e));
        if (verbose)
        {
            stderr.WriteLine(e.ToString());
        }
    }

    public static string Format(TracerException e)
    {
        var line = "error: " + e.What.TrimEnd('.');
        if (!string.IsNullOrEmpty(e.Value))
        {
            line += $": '{e.Value}'";
        }
        if (!string.IsNullOrEmpty(e.Reason))
        {
            line += $": {e.Reason.TrimEnd('.')}";
        }
        else if (e.InnerException is { } inner && e.Category == ErrorCategory.Environment)
        {
            line += $": {inner.Message.TrimEnd('.')}";
        }
        line += ".";
        if (!string.IsNullOrEmpty(e.Hint))
        {
            line += " " + e.Hint.TrimEnd('.') + ".";
        }
        return line;
    }

    /// <summary>The parser's first problem as one line: an unknown command or option named as
    /// such, any other message with its lines joined (a list of allowed values included).</summary>
    public static string FormatParseError(ParseResult parse)
    {
        const string Help = "Run 'tracer --help' for usage.";
        if (parse.UnmatchedTokens.Count > 0)
        {
            var token = parse.UnmatchedTokens[0];
            var kind = token.StartsWith('-') ? "option"
                : parse.CommandResult.Command is RootCommand ? "command" : "argument";
            return $"error: unknown {kind}: '{token}'. {Help}";
        }
        if (parse.CommandResult.Command is RootCommand && parse.CommandResult.Tokens.Count == 0)
        {
            return $"error: no command given. {Help}";
        }
        var lines = parse.Errors[0].Message
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = lines[0].TrimEnd('.', ':');
        if (lines.Length > 1)
        {
            message += ": " + string.Join(", ", lines[1..]);
        }
        return $"error: {message}. {Help}";
    }

    public static void PrintUnexpected(TextWriter stderr, Exception e)
    {
        stderr.WriteLine($"error: unexpected failure: {e.Message} (a bug; please report it)");
        stderr.WriteLine(e.ToString());
    }
}
