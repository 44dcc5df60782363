using Tracer.Synthesis;

namespace Tracer.Tests.Synthesis;

public sealed class GlobTests
{
    [Theory]
    [InlineData("/usr/share/zoneinfo/**", "/usr/share/zoneinfo", true)]
    [InlineData("/usr/share/zoneinfo/**", "/usr/share/zoneinfo/Europe/Paris", true)]
    [InlineData("/usr/share/zoneinfo/**", "/usr/share/zoneinfo2", false)]
    [InlineData("/usr/lib/*.so", "/usr/lib/libz.so", true)]
    [InlineData("/usr/lib/*.so", "/usr/lib/x/libz.so", false)]
    [InlineData("**/*.pyc", "/usr/lib/python3.11/__pycache__/os.cpython-311.pyc", true)]
    [InlineData("/a/**/b", "/a/b", true)]
    [InlineData("/a/**/b", "/a/x/y/b", true)]
    [InlineData("/etc/ho?ts", "/etc/hosts", true)]
    [InlineData("/etc/a+b", "/etc/a+b", true)]
    public void IsMatch_Patterns_MatchAsDocumented(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new Glob(pattern).IsMatch(path));
    }
}
