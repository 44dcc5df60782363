using Tracer.Docker;

namespace Tracer.Tests.Docker;

public sealed class GateTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tracer-gate-tests-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Wrap_EntrypointAndCmd_GateFirstThenBothInOrder()
    {
        var wrapped = Gate.Wrap(["/entry.sh", "-x"], ["serve", "--port", "80"]);
        Assert.Equal(["/.tracer/tracer-gate", "/entry.sh", "-x", "serve", "--port", "80"], wrapped);
    }

    [Fact]
    public void Wrap_NothingToRun_ThrowsUsageError()
    {
        var e = Assert.Throws<TracerException>(() => Gate.Wrap(null, []));
        Assert.Equal(ErrorCategory.Usage, e.Category);
    }

    [Fact]
    public void Locate_VariableNamesMissingFile_ThrowsEnvironmentErrorQuotingIt()
    {
        var missing = Path.Combine(_dir.FullName, "nope");
        var e = Assert.Throws<TracerException>(() => GateBinary.Locate(missing, _dir.FullName, _dir.FullName));
        Assert.Equal(ErrorCategory.Environment, e.Category);
        Assert.Equal(missing, e.Value);
    }

    [Fact]
    public void Locate_BinaryBesideProgram_PrefersIt()
    {
        var beside = Touch(Path.Combine(_dir.FullName, "app", Gate.BinaryName));
        Touch(Path.Combine(_dir.FullName, "native", "build", Gate.BinaryName));
        Assert.Equal(beside, GateBinary.Locate(null, Path.GetDirectoryName(beside)!, _dir.FullName));
    }

    [Fact]
    public void Locate_InsideRepository_FindsNativeBuildUpwards()
    {
        var built = Touch(Path.Combine(_dir.FullName, "native", "build", Gate.BinaryName));
        var deep = Directory.CreateDirectory(Path.Combine(_dir.FullName, "tests", "x", "bin")).FullName;
        Assert.Equal(built, GateBinary.Locate(null, deep, deep));
    }

    [Fact]
    public void Create_WithBinary_DirectoryHoldsBinaryAndFifoUntilDisposed()
    {
        var binary = Touch(Path.Combine(_dir.FullName, "gate-binary"));
        string dir;
        using (var gate = Gate.Create(binary))
        {
            dir = gate.HostDirectory;
            Assert.True(File.Exists(Path.Combine(dir, Gate.BinaryName)));
            Assert.Equal(UnixFileMode.OtherExecute, File.GetUnixFileMode(Path.Combine(dir, Gate.BinaryName))
                & UnixFileMode.OtherExecute);
            Assert.Equal($"{dir}:/.tracer:ro", gate.Bind);
            Assert.False(gate.Abort()); // nobody reads the FIFO: no blocking, just false
        }
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Release_NoReaderAndContainerGone_ThrowsFunctionFailed()
    {
        using var gate = Gate.Create(Touch(Path.Combine(_dir.FullName, "gate-binary")));
        var e = await Assert.ThrowsAsync<TracerException>(() =>
            gate.ReleaseAsync(Task.CompletedTask, TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(ErrorCategory.FunctionFailed, e.Category);
    }

    [Fact]
    public async Task Release_NoReader_TimesOut()
    {
        using var gate = Gate.Create(Touch(Path.Combine(_dir.FullName, "gate-binary")));
        var e = await Assert.ThrowsAsync<TracerException>(() =>
            gate.ReleaseAsync(null, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(ErrorCategory.Timeout, e.Category);
    }

    private static string Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }
}
