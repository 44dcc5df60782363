using Tracer.Cli;

namespace Tracer.Tests.CommandLine;

/// <summary>Parser and option-check errors: one line, the value quoted, exit 2 (no engine needed).</summary>
public sealed class ParseErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tracer-parse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Error(params string[] args)
    {
        var parse = Program.BuildRoot(new GlobalOptions()).Parse(args);
        Assert.NotEmpty(parse.Errors);
        var line = ErrorPrinter.FormatParseError(parse);
        Assert.DoesNotContain('\n', line);
        Assert.EndsWith(". Run 'tracer --help' for usage.", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public void Parse_UnknownCommand_NamesIt() =>
        Assert.Equal("error: unknown command: 'bogus'. Run 'tracer --help' for usage.", Error("bogus"));

    [Fact]
    public void Parse_UnknownOption_NamesIt() =>
        Assert.StartsWith("error: unknown option: '--bogus'.", Error("slim", "--spec", "x", "--bogus"),
            StringComparison.Ordinal);

    [Fact]
    public void Parse_ValueNotAmongAllowed_OneLineListingThem() =>
        Assert.Contains("'ebpf+fanotify'", Error("slim", "--spec", "x", "--tracer", "bpf"), StringComparison.Ordinal);

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    public void Trace_TimeoutNotPositive_UsageError(string seconds) =>
        Assert.StartsWith($"error: bad --timeout: '{seconds}':",
            Error("trace", "img", "-o", _dir, "--timeout", seconds), StringComparison.Ordinal);

    [Fact]
    public void Trace_EnvWithoutEquals_UsageError() =>
        Assert.StartsWith("error: bad --env: 'FOO': expected KEY=VALUE",
            Error("trace", "img", "-o", _dir, "-e", "FOO"), StringComparison.Ordinal);

    [Fact]
    public void Trace_MountSourceMissing_UsageErrorAndNothingCreated()
    {
        var missing = Path.Combine(_dir, "nonexistent");
        Assert.StartsWith($"error: bad --mount: '{missing}:/x': source '{missing}' does not exist",
            Error("trace", "img", "-o", _dir, "--mount", $"{missing}:/x"), StringComparison.Ordinal);
        Assert.False(Path.Exists(missing));
    }

    [Theory]
    [InlineData("trace", "img", "-o")]
    [InlineData("synth", "img", "--trace", "t", "--tag", "a:b", "--out")]
    [InlineData("slim", "--spec", "x", "--out")]
    public void Out_IsARegularFile_UsageError(params string[] args)
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "");
        Assert.StartsWith($"error: bad --out: '{file}': is a file", Error([.. args, file]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trace", "img", "-o")]
    [InlineData("ingest-strace", "log", "--out")]
    [InlineData("slim", "--spec", "x", "--out")]
    public void Out_BelowARegularFile_UsageError(params string[] args)
    {
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "");
        var below = Path.Combine(file, "sub");
        Assert.StartsWith($"error: bad --out: '{below}': '{file}' is a file", Error([.. args, below]),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Slim_RepairNegative_UsageError() =>
        Assert.StartsWith("error: bad --repair: '-1': must be 0 or more",
            Error("slim", "--spec", "x", "--repair", "-1"), StringComparison.Ordinal);

    [Theory]
    [InlineData("/data:/data:ro", null)]
    [InlineData("cache:/cache", null)]
    [InlineData("/data", "expected SRC:DST")]
    [InlineData("/data:rel", "expected SRC:DST")]
    public void CheckBind_Forms(string bind, string? error)
    {
        var result = OptionChecks.CheckBind(bind.Replace("/data", _dir, StringComparison.Ordinal));
        if (error is null)
        {
            Assert.Null(result);
        }
        else
        {
            Assert.StartsWith(error, result, StringComparison.Ordinal);
        }
    }
}
