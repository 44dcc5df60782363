using Tracer.Tracing.Ebpf;

namespace Tracer.Tests.Tracing.Ebpf;

public sealed class EbpfSupportTests
{
    [Fact]
    public void Unavailable_NamedLoaderMissing_NamesThatPath()
    {
        var btf = Path.GetTempFileName();
        try
        {
            var why = EbpfSupport.Unavailable(new EbpfOptions { BtfPath = btf, LoaderPath = "/nonexistent/tracer-ebpf" });

            Assert.Equal("no tracer-ebpf loader at /nonexistent/tracer-ebpf", why);
        }
        finally
        {
            File.Delete(btf);
        }
    }

    [Fact]
    public void Unavailable_BtfMissing_NamesThatPath()
    {
        var why = EbpfSupport.Unavailable(new EbpfOptions { BtfPath = "/nonexistent/vmlinux" });

        Assert.Equal("no kernel BTF at /nonexistent/vmlinux", why);
    }
}
