/*
 * Record layout shared by the BPF program (tracer-ebpf.bpf.c), its loader (tracer-ebpf.c) and
 * the C# decoder (src/Tracer.Core/Tracing/Ebpf/EbpfRecord.cs, which names the same offsets).
 * Little-endian, no padding: a 40-byte header followed by path1 (len1 bytes) and path2 (len2
 * bytes), neither NUL-terminated. `size` is the whole record.
 */
#ifndef TRACER_EBPF_H
#define TRACER_EBPF_H

#define TRACER_PATH_MAX 4096
#define TRACER_AT_FDCWD (-100)

/* Record types. */
enum tracer_record_type {
	TRACER_REC_SYSCALL = 1, /* a path syscall returned: op, ret, paths */
	TRACER_REC_FORK = 2,    /* pid = child, ppid = parent, flags = TRACER_SHARE_* */
	TRACER_REC_EXEC = 3,    /* pid, ppid = old pid, path1 = filename, path2 = interpreter */
	TRACER_REC_EXIT = 4,    /* pid exited */
	TRACER_REC_EXEC_FILE = 5, /* after REC_EXEC: path1 = the file that runs, as the task sees it */
	TRACER_REC_JOIN = 6,    /* before REC_EXEC: pid joined the container (docker exec), path1 = cwd */
	TRACER_REC_READY = 16,  /* loader: programs attached, the root pid is followed */
	TRACER_REC_END = 17,    /* loader: last record; ret = records lost (ring buffer full) */
};

/* What a TRACER_REC_SYSCALL was. */
enum tracer_op {
	TRACER_OP_OPEN = 1,     /* open, openat, openat2, creat: flags = open flags, ret = fd */
	TRACER_OP_EXEC = 2,     /* execve, execveat that failed (success comes as REC_EXEC) */
	TRACER_OP_STAT = 3,     /* stat, lstat, newfstatat, statx, access, faccessat(2) */
	TRACER_OP_READLINK = 4, /* readlink, readlinkat */
	TRACER_OP_CHDIR = 5,    /* chdir */
	TRACER_OP_FCHDIR = 6,   /* fchdir: dirfd = the fd, no path */
	TRACER_OP_MKDIR = 7,    /* mkdir, mkdirat, mknod, mknodat: a path the run makes */
	TRACER_OP_RENAME = 8,   /* rename*, link, linkat: path1 = old, path2 = new */
	TRACER_OP_UNLINK = 9,   /* unlink, unlinkat, rmdir */
	TRACER_OP_SYMLINK = 10, /* symlink, symlinkat: path1 = the link created */
};

#define TRACER_SHARE_FS 1    /* child shares the parent's cwd (CLONE_FS) */
#define TRACER_SHARE_FILES 2 /* child shares the parent's fd table (CLONE_FILES) */

struct tracer_record {
	unsigned int size;         /* 0 */
	unsigned short type;       /* 4 */
	unsigned short op;         /* 6 */
	unsigned int pid;          /* 8: host tid */
	unsigned int ppid;         /* 12 */
	long long ret;             /* 16: syscall result (fd or -errno) */
	int dirfd;                 /* 24 */
	int dirfd2;                /* 28 */
	unsigned int flags;        /* 32 */
	unsigned short len1;       /* 36 */
	unsigned short len2;       /* 38 */
} __attribute__((packed));

#define TRACER_HEADER_SIZE 40

#endif
