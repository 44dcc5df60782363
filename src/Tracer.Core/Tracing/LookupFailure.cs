namespace Tracer.Tracing;

/// <summary>How a failed lookup is read: did the path exist?</summary>
internal enum LookupFailure
{
    None,
    /// <summary>ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG: the path does not resolve.</summary>
    Missing,
    /// <summary>EACCES, EPERM, EROFS, ETXTBSY, EEXIST, EISDIR, EBUSY: the path exists; the call
    /// was refused for another reason.</summary>
    Exists,
    /// <summary>EINVAL: for readlink the path exists but is no symlink.</summary>
    Invalid,
    /// <summary>Anything else (EINTR, EBADF, ERESTARTSYS, …): says nothing about the path.</summary>
    Other,
}
