namespace Tracer.Tracing;

/// <summary>
/// What a syscall's result says about a path, as one rule set for every syscall backend:
/// success gives the call's kind, a failed lookup <see cref="AccessKind.Missing"/> or (when
/// the path evidently exists) <see cref="AccessKind.Stat"/>; created paths are remembered so
/// that later uses of them stay the function's own output.
/// </summary>
internal sealed class AccessRecorder(IAccessSink sink, PathPool pool)
{
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);
    /// <summary>Paths an O_CREAT open without evidence of creation opened: made by the function
    /// when it later renames them away or unlinks them (write-then-rename, temp files).</summary>
    private readonly HashSet<string> _creatOpened = new(StringComparer.Ordinal);

    /// <summary>Paths the traced processes created (O_CREAT, mkdir, rename/link/symlink targets).</summary>
    public IReadOnlyCollection<string> CreatedPaths => _created;

    public long Accesses { get; private set; }

    public bool WasCreated(string path) => _created.Contains(path);

    /// <summary>Notes an existing path opened with O_CREAT (see <see cref="MadeAndMoved"/>).</summary>
    public void CreatOpened(string path) => _creatOpened.Add(path);

    /// <summary>Whether a path renamed away or unlinked was one the run opened with O_CREAT: then
    /// it was the function's own temp file.</summary>
    // Limitation: a file shipped in the image that the function opens with O_CREAT and then
    // removes is taken as the function's own, so the minimal image lacks it.
    public bool MadeAndMoved(string path) => _creatOpened.Contains(path);

    /// <summary>An O_CREAT open refused with EACCES/EPERM/EROFS: only the directory is known to
    /// exist (pytest writing x.pyc.&lt;pid&gt; into a directory it may not write).</summary>
    // Limitation: an existing read-only file opened with O_CREAT|O_WRONLY is not recorded.
    public void CreateDenied(int pid, TracedTask task, string path)
    {
        var slash = path.LastIndexOf('/');
        Emit(pid, task, slash <= 0 ? "/" : pool.Intern(path.AsSpan(0, slash)), AccessKind.Stat);
    }

    /// <summary>Whether an O_CREAT open made the file: O_EXCL succeeded, the path was seen
    /// missing before, or its directory was made in this run. A syscall trace shows no other
    /// evidence.</summary>
    // Limitation: O_CREAT without O_EXCL on a path never seen missing, outside a directory made
    // in this run, is taken as an existing file (opened), so a file the function made that way
    // is allowlisted and the synthesizer finds nothing to copy for it.
    public bool MadeByOpen(string path, bool exclusive)
    {
        if (exclusive || _missing.Contains(path))
        {
            return true;
        }
        var slash = path.LastIndexOf('/');
        return slash > 0 && _created.Count > 0 && _created.Contains(pool.Intern(path.AsSpan(0, slash)));
    }

    /// <summary>Emits what a result says about <paramref name="path"/>: <paramref name="kind"/> on
    /// success, missing or an existing-path lookup on failure.</summary>
    public void Result(int pid, TracedTask task, string path, LookupFailure failure, AccessKind kind,
        bool always = false)
    {
        switch (failure)
        {
            case LookupFailure.None:
                Emit(pid, task, path, kind, always);
                break;
            case LookupFailure.Missing:
                _missing.Add(path);
                Emit(pid, task, path, AccessKind.Missing, always);
                break;
            case LookupFailure.Exists or LookupFailure.Denied:
                // EACCES and friends: the lookup reached an existing file and was refused.
                // Limitation: EACCES from an unsearchable parent directory is read as existing too.
                Emit(pid, task, path, AccessKind.Stat, always);
                break;
            case LookupFailure.Invalid when kind == AccessKind.Readlink:
                // readlink on a file that is no symlink: the file exists.
                Emit(pid, task, path, AccessKind.Stat, always);
                break;
        }
    }

    /// <summary>A file or directory the function made: recorded as created, never copied; its
    /// parent directory (when it was not made in this run too) is kept.</summary>
    public void Create(int pid, TracedTask task, string path)
    {
        Emit(pid, task, path, AccessKind.Create);
        _created.Add(path);
        var slash = path.LastIndexOf('/');
        var parent = slash <= 0 ? "/" : pool.Intern(path.AsSpan(0, slash));
        if (!_created.Contains(parent))
        {
            Emit(pid, task, parent, AccessKind.Dir);
        }
    }

    public void Emit(int pid, TracedTask task, string path, AccessKind kind, bool always = false)
    {
        if (!task.Counting && !always)
        {
            return;
        }
        if (kind != AccessKind.Create && _created.Count > 0 && _created.Contains(path))
        {
            // The function's own file: using it later does not make it part of the image.
            kind = AccessKind.Create;
        }
        Accesses++;
        sink.OnAccess(new AccessEvent(path, kind, pid, task.Program));
    }
}
