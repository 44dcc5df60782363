using Tracer.Tracing;

namespace Tracer.Tests.Tracing;

public sealed class PathJoinTests
{
    [Theory]
    [InlineData("/a/b", "c", "/a/b/c")]
    [InlineData("/a/b", "/x/./y//z", "/x/y/z")]
    [InlineData("/a/b", "../c", "/a/c")]
    [InlineData("/a", "../../..", "/")]
    [InlineData("/", ".", "/")]
    [InlineData("/a/", "b/", "/a/b")]
    public void Combine_DirectoryAndPath_NormalisesLexically(string directory, string path, string expected)
    {
        var output = new char[64];
        var n = PathJoin.Combine(directory, path, output);
        Assert.Equal(expected, new string(output, 0, n));
    }
}
