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
        if (e.InnerException is { } inner && e.Category == ErrorCategory.Environment)
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

    public static void PrintUnexpected(TextWriter stderr, Exception e)
    {
        stderr.WriteLine($"error: unexpected failure: {e.Message} (a bug; please report it)");
        stderr.WriteLine(e.ToString());
    }
}
