using Tracer.Tracing;

namespace Tracer.Synthesis;

/// <summary>Several traces merged into one access set, with their bind mounts.</summary>
public sealed record TraceInput(AccessSet Accesses, IReadOnlyList<string> BindMounts,
    IReadOnlyList<(string File, TraceFacts Facts)> Facts)
{
    /// <summary>Reads and merges trace files (a directory means its trace.json). A file that
    /// cannot be read or parsed is a usage error naming it.</summary>
    public static TraceInput Read(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            throw new TracerException("no trace given", null, "pass --trace FILE (a trace.json of 'tracer trace')");
        }
        var accesses = new AccessSet();
        var mounts = new SortedSet<string>(StringComparer.Ordinal);
        var facts = new List<(string, TraceFacts)>();
        foreach (var given in files)
        {
            var file = Directory.Exists(given) ? Path.Combine(given, TraceFile.TraceFileName) : given;
            TraceDocument doc;
            try
            {
                doc = TraceFile.Read(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TracerException("cannot read trace", file, e.Message, ErrorCategory.Usage, e);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                throw new TraceFormatException(file, $"malformed ({e.Message})");
            }
            accesses.MergeFrom(doc.Accesses);
            mounts.UnionWith(doc.Facts.BindMounts);
            facts.Add((file, doc.Facts));
        }
        return new TraceInput(accesses, mounts.ToList(), facts);
    }

    /// <summary>Refuses traces recorded on another image unless forced; an empty id (a
    /// hand-written trace) is accepted.</summary>
    public void CheckImage(string imageId, bool force)
    {
        foreach (var (file, facts) in Facts)
        {
            if (!force && facts.ImageId.Length > 0 && !SameId(facts.ImageId, imageId))
            {
                throw new TracerException($"trace was recorded on image {Short(facts.ImageId)}, not {Short(imageId)}",
                    file, "trace this image again, or pass --force to use it anyway");
            }
        }
    }

    private static bool SameId(string a, string b) => Bare(a) == Bare(b);

    private static string Bare(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..] : id;

    private static string Short(string id) => Bare(id).Length > 12 ? Bare(id)[..12] : Bare(id);
}
