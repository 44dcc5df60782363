namespace Tracer.Tracing;

/// <summary>How a failed lookup is read: did the path exist?</summary>
internal enum LookupFailure
{
    None,
    /// <summary>ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG: the path does not resolve.</summary>
    Missing,
    /// <summary>ETXTBSY, EEXIST, EISDIR, EBUSY: the path exists; the call was refused for another
    /// reason.</summary>
    Exists,
    /// <summary>EACCES, EPERM, EROFS: read as <see cref="Exists"/>, except for an O_CREAT open,
    /// where the refusal can be the directory's (no write permission) and says nothing about
    /// the file.</summary>
    Denied,
    /// <summary>EINVAL: for readlink the path exists but is no symlink.</summary>
    Invalid,
    /// <summary>Anything else (EINTR, EBADF, ERESTARTSYS, …): says nothing about the path.</summary>
    Other,
}
