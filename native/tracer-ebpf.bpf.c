// SPDX-License-Identifier: GPL-2.0
/*
 * tracer-ebpf.bpf.c: the kernel half of Tracer's eBPF backend (CO-RE, clang -target bpf).
 *
 * Follows one root pid and its descendants (the `tracked` task storage: given to the child on
 * fork of a tracked parent, dropped on exit; cgroup ids are not used because this machine's
 * Docker runs cgroup v1). A traced call costs one task-storage lookup, at its exit (a pointer
 * load from the task, where a hash map lookup cost 60 ns), and nothing is allocated or freed
 * for it. Task storage also has no entry limit: a hash map that was full would have left a new
 * process untraced without a word.
 * For the path syscalls of tracked tasks it sends one record per new fact to the `events`
 * ring buffer; the layout is in tracer-ebpf.h. A full ring buffer counts in `drops`, which the
 * loader reports, and the host fails the run on any drop.
 *
 * Hooks are BTF tracepoints (tp_btf, kernel >= 5.5): they need no tracefs mount.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "tracer-ebpf.h"

char LICENSE[] SEC("license") = "GPL";

/* open(2) flags (asm-generic/fcntl.h, x86-64). */
#define O_WRONLY 01
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_DIRECTORY 0200000
#define O_PATH 010000000

/* A path syscall's arguments, taken from its registers when it returns. */
struct call {
	__u64 path1;
	__u64 path2;
	__s32 dirfd;
	__s32 dirfd2;
	__u32 flags;
	__u32 op;
};

/* One per tracked task, written only by that task (and read by fork for its child). counting:
 * whether its facts are de-duplicated: not before the root's first exec, whose accesses the
 * host does not count (the gate's handshake), so nothing it needs is hidden. */
struct task_info {
	__u32 counting;
	__u32 pad;
};

/* data follows the 8-byte count and the 40-byte header, so it starts 8-aligned (path_hash
 * loads it by words). */
struct scratch {
	__u64 queued; /* bytes this CPU queued since it last woke the reader */
	struct tracer_record rec;
	char data[2 * TRACER_PATH_MAX];
	char tmp[2 * TRACER_PATH_MAX]; /* fd_path builds backwards in the first half */
};
_Static_assert(__builtin_offsetof(struct scratch, data) % 8 == 0, "scratch data must be 8-aligned");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_info);
} tracked SEC(".maps");

/* The task's entry, NULL when it is not followed. The task pointer is taken once per program
 * run and passed down: bpf_get_current_task_btf is a helper call, not inlined here. */
static __always_inline struct task_info *task_info(struct task_struct *task)
{
	return bpf_task_storage_get(&tracked, task, 0, 0);
}

/*
 * Facts sent so far: a two-way set-associative cache of 64-bit fingerprints. A fact (path
 * hash, base directory, op, result) is mixed into one odd 64-bit value; its top bits pick a
 * 16-byte bucket (one cache line holds it whole), which keeps the last two fingerprints that
 * landed there, newest first. A hit is two compares; a miss shifts the newer entry down and
 * evicts the older. No lock, no allocation: a hash map's update cost more than the rest of a
 * traced stat together (measured with perf on a walk of /usr, where every fact is new).
 * 8,192 buckets are 128 KiB, small enough to stay in a core's L2: with the direct-mapped 1 MiB
 * table before it, the cache miss on each new fact's slot was most of de-duplication's cost
 * on such a walk (the program ran ~7 % faster with this table), and the fixtures' traces send
 * as many records as with it (node-thumb 1,156 vs 1,163, py-report 867 vs 869). A fact whose
 * entry was evicted is sent again, which is harmless (de-duplication saves work, it never
 * filters). Each entry is one aligned 8-byte store, so two CPUs writing a bucket at once can
 * lose or repeat an entry but never tear one; an empty entry (0) never matches, fingerprints
 * being odd.
 * Limitation: two different facts with the same 64-bit fingerprint would be taken for one;
 * at the ~10^5 facts of a run the odds are below 10^-9.
 */
#define SEEN_BUCKETS (1 << 13)

struct seen_bucket {
	__u64 recent, older;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SEEN_BUCKETS);
	__type(key, __u32);
	__type(value, struct seen_bucket);
} seen SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

/* The loader sets the size (bytes, a power of two, at least one page) before loading. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4 * 1024 * 1024);
} events SEC(".maps");

__u64 drops = 0;
/* Set by the loader before loading: a CPU wakes the reader only once it has queued this much
 * since its last wake-up (the reader also polls every few ms), so a burst of records costs one
 * wake-up, not one each. Counted per CPU in the scratch value, not asked of the ring buffer:
 * no helper call, and no cache line shared between CPUs. */
const volatile __u64 wakeup_bytes = 64 * 1024;
/* Set by the loader: the inode of the traced container's mount namespace (0: none). A task
 * that is not a descendant of the root but execs inside that namespace (a `docker exec`
 * probe, a HEALTHCHECK: runc joins the namespace, then execs the command) is followed from
 * that exec on, with a REC_JOIN record carrying its working directory. */
const volatile __u64 join_mnt_ns = 0;

static __always_inline struct scratch *scratch_buffer(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch, &zero);
}

static __always_inline void output(struct scratch *s, __u32 size)
{
	__u64 flags = BPF_RB_NO_WAKEUP;

	if (size > sizeof(s->rec) + sizeof(s->data))
		return;
	s->rec.size = size;
	s->queued += size;
	if (s->queued >= wakeup_bytes) {
		s->queued = 0;
		flags = BPF_RB_FORCE_WAKEUP;
	}
	if (bpf_ringbuf_output(&events, &s->rec, size, flags) != 0)
		__sync_fetch_and_add(&drops, 1);
}

static __always_inline void header(struct scratch *s, __u16 type, __u32 pid)
{
	__builtin_memset(&s->rec, 0, sizeof(s->rec));
	s->rec.type = type;
	s->rec.pid = pid;
}

/* ---- which syscalls, and where their path arguments are (x86-64 numbers) ---- */

static __always_inline int path_syscall(long id)
{
	switch (id) {
	case 2: case 4: case 6: case 21: case 59: case 80: case 81: case 82: case 83: case 84:
	case 85: case 86: case 87: case 88: case 89: case 133: case 257: case 258: case 259: case 262: case 263:
	case 264: case 265: case 266: case 267: case 269: case 316: case 322: case 332: case 437:
	case 439:
		return 1;
	}
	return 0;
}

static __always_inline int classify(long id, const struct pt_regs *regs, struct call *f)
{
	/* regs is a BTF pointer here (tp_btf): plain loads, which the verifier turns into
	 * fault-safe ones, cost far less than a bpf_probe_read_kernel call each. */
	__u64 a0 = regs->di, a1 = regs->si, a2 = regs->dx, a3 = regs->r10;

	f->dirfd = TRACER_AT_FDCWD;
	f->dirfd2 = TRACER_AT_FDCWD;
	switch (id) {
	case 2: /* open(path, flags) */
		f->op = TRACER_OP_OPEN, f->path1 = a0, f->flags = (__u32)a1;
		return 1;
	case 257: /* openat(dfd, path, flags) */
		f->op = TRACER_OP_OPEN, f->dirfd = (__s32)a0, f->path1 = a1, f->flags = (__u32)a2;
		return 1;
	case 437: { /* openat2(dfd, path, struct open_how *how, size); how->flags is first */
		__u64 flags = 0;
		bpf_probe_read_user(&flags, sizeof(flags), (void *)a2);
		f->op = TRACER_OP_OPEN, f->dirfd = (__s32)a0, f->path1 = a1, f->flags = (__u32)flags;
		return 1;
	}
	case 85: /* creat(path, mode) == open(path, O_CREAT|O_WRONLY|O_TRUNC) */
		f->op = TRACER_OP_OPEN, f->path1 = a0, f->flags = O_CREAT | O_WRONLY | O_TRUNC;
		return 1;
	case 59: /* execve(path, argv, envp) */
		f->op = TRACER_OP_EXEC, f->path1 = a0;
		return 1;
	case 322: /* execveat(dfd, path, ...) */
		f->op = TRACER_OP_EXEC, f->dirfd = (__s32)a0, f->path1 = a1;
		return 1;
	case 4:  /* stat */
	case 6:  /* lstat */
	case 21: /* access */
		f->op = TRACER_OP_STAT, f->path1 = a0;
		return 1;
	case 262: /* newfstatat(dfd, path, ...) */
	case 332: /* statx(dfd, path, ...) */
	case 269: /* faccessat */
	case 439: /* faccessat2 */
		f->op = TRACER_OP_STAT, f->dirfd = (__s32)a0, f->path1 = a1;
		return 1;
	case 89: /* readlink(path, ...) */
		f->op = TRACER_OP_READLINK, f->path1 = a0;
		return 1;
	case 267: /* readlinkat(dfd, path, ...) */
		f->op = TRACER_OP_READLINK, f->dirfd = (__s32)a0, f->path1 = a1;
		return 1;
	case 80: /* chdir(path) */
		f->op = TRACER_OP_CHDIR, f->path1 = a0;
		return 1;
	case 81: /* fchdir(fd) */
		f->op = TRACER_OP_FCHDIR, f->dirfd = (__s32)a0;
		return 1;
	case 83: /* mkdir(path, mode) */
		f->op = TRACER_OP_MKDIR, f->path1 = a0;
		return 1;
	case 258: /* mkdirat(dfd, path, mode) */
	case 259: /* mknodat(dfd, path, mode, dev): a FIFO or device node the run makes */
		f->op = TRACER_OP_MKDIR, f->dirfd = (__s32)a0, f->path1 = a1;
		return 1;
	case 133: /* mknod(path, mode, dev) */
		f->op = TRACER_OP_MKDIR, f->path1 = a0;
		return 1;
	case 82: /* rename(old, new) */
	case 86: /* link(old, new) */
		f->op = TRACER_OP_RENAME, f->path1 = a0, f->path2 = a1;
		return 1;
	case 264: /* renameat(olddfd, old, newdfd, new) */
	case 316: /* renameat2 */
	case 265: /* linkat */
		f->op = TRACER_OP_RENAME, f->dirfd = (__s32)a0, f->path1 = a1;
		f->dirfd2 = (__s32)a2, f->path2 = a3;
		return 1;
	case 87: /* unlink(path) */
	case 84: /* rmdir(path) */
		f->op = TRACER_OP_UNLINK, f->path1 = a0;
		return 1;
	case 263: /* unlinkat(dfd, path, flags) */
		f->op = TRACER_OP_UNLINK, f->dirfd = (__s32)a0, f->path1 = a1;
		return 1;
	case 88: /* symlink(target, linkpath) */
		f->op = TRACER_OP_SYMLINK, f->path1 = a1;
		return 1;
	case 266: /* symlinkat(target, newdfd, linkpath) */
		f->op = TRACER_OP_SYMLINK, f->dirfd = (__s32)a1, f->path1 = a2;
		return 1;
	}
	return 0;
}

/* ---- de-duplication ---- */

/* A 64-bit hash of the scratch path data[0, len): one multiply-and-fold per 8-byte word, the
 * bytes past len masked off. A plain bounded loop over the per-CPU scratch value: no helper
 * or callback per word (bpf_loop's callback, with a map lookup in each, cost three times the
 * hash itself). */
static __always_inline __u64 path_hash(const struct scratch *s, __u32 len)
{
	__u64 h = 0xcbf29ce484222325ULL ^ len, word;
	__u32 i, words = (len + 7) / 8, tail = len & 7;
	/* Said aligned, or clang, seeing the packed header before data, loads each word as eight
	 * bytes (22 instructions a word instead of one). */
	const __u64 *data = __builtin_assume_aligned(s->data, 8);

	for (i = 0; i < TRACER_PATH_MAX / 8; i++) {
		if (i >= words)
			break;
		word = data[i];
		if (i + 1 == words && tail)
			word &= (1ULL << (tail * 8)) - 1;
		h = (h ^ word) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	return h;
}

/* The splitmix64 finaliser: every input bit reaches every output bit. */
static __always_inline __u64 mix64(__u64 x)
{
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * Kernel objects are read with plain loads through BTF pointers (the verifier makes each a
 * fault-safe load), not a bpf_probe_read_kernel call per field: on a walk of /usr the helper
 * calls were most of the cost of naming a directory fd. A pointer that was copied as a number
 * (out of the fd table, or through bpf_loop's context) is typed again with bpf_rdonly_cast,
 * which the verifier turns into a plain move (kernel >= 6.2).
 */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

#define as_kernel(type, ptr) ((type *)bpf_rdonly_cast((const void *)(ptr), bpf_core_type_id_kernel(type)))

static __always_inline struct file *fd_file(struct task_struct *task, long fd)
{
	struct fdtable *fdt = task->files->fdt;
	struct file *file = NULL;

	/* The verifier bounds the index too: 2^20 is the kernel's default limit on fds (nr_open). */
	if (fd < 0 || fd >= fdt->max_fds || fd >= (1 << 20))
		return NULL;
	if (bpf_probe_read_kernel(&file, sizeof(file), fdt->fd + fd) != 0 || !file)
		return NULL;
	return as_kernel(struct file, file);
}

/* The directory a relative path starts from, as a kernel object: the cwd's or the dirfd's
 * dentry. 1 when it cannot be read (the fact is then sent, not de-duplicated).
 * Limitation: one directory reached under two names (a cwd entered through a directory
 * symlink and through its target) is one base: the relative path is recorded under the
 * first name only. */
static __always_inline __u64 base_dentry(struct task_struct *task, __s32 dirfd)
{
	struct file *file;
	__u64 base = 1;

	/* Copied, not loaded: the value is hashed, and the verifier allows no arithmetic on a
	 * kernel pointer. */
	if (dirfd == TRACER_AT_FDCWD) {
		bpf_probe_read_kernel(&base, sizeof(base), &task->fs->pwd.dentry);
		return base;
	}
	file = fd_file(task, dirfd);
	if (file)
		bpf_probe_read_kernel(&base, sizeof(base), &file->f_path.dentry);
	return base;
}

/* Where the walk up from a dentry to the task's root stands; pointers as numbers, since they
 * pass through bpf_loop's context. */
struct walk_state {
	__u64 root, root_mnt, dentry, vfsmnt;
	__u32 pos;
	int done; /* 1: reached the root; -1: failed */
};

/* One step up: a name component, or a mount crossed. */
static long walk_step(__u32 i, void *ctx)
{
	struct walk_state *w = ctx;
	struct scratch *s = scratch_buffer();
	struct dentry *dentry, *parent;
	struct vfsmount *vfsmnt;
	struct mount *mnt;
	__u32 len, pos = w->pos;

	if (!s)
		return w->done = -1, 1;
	if (w->dentry == w->root && w->vfsmnt == w->root_mnt)
		return w->done = 1, 1;
	dentry = as_kernel(struct dentry, w->dentry);
	vfsmnt = as_kernel(struct vfsmount, w->vfsmnt);
	if (w->dentry == (__u64)vfsmnt->mnt_root) {
		mnt = as_kernel(struct mount, w->vfsmnt - bpf_core_field_offset(struct mount, mnt));
		if (mnt->mnt_parent == mnt)
			return w->done = -1, 1; /* outside the task's root */
		w->dentry = (__u64)mnt->mnt_mountpoint;
		w->vfsmnt = (__u64)&mnt->mnt_parent->mnt;
		return 0;
	}
	parent = dentry->d_parent;
	len = dentry->d_name.len & 255;
	if ((__u64)parent == w->dentry || len + 1 >= pos || pos > TRACER_PATH_MAX)
		return w->done = -1, 1;
	pos -= len;
	bpf_probe_read_kernel(&s->tmp[pos & (TRACER_PATH_MAX - 1)], len, dentry->d_name.name);
	pos -= 1;
	s->tmp[pos & (TRACER_PATH_MAX - 1)] = '/';
	w->pos = pos;
	w->dentry = (__u64)parent;
	return 0;
}

/*
 * The path a dentry on a mount has as the task sees it (relative to its root, so a
 * container's view): for an open fd what strace -y prints, which names the symlink's target
 * when a link was opened. Walks d_parent up to the task's root, crossing mounts through
 * mnt_mountpoint (bpf_d_path would do this but is not allowed in tracepoints). Written to
 * data + offset; returns its length, 0 when it does not fit or is deeper than 128 steps.
 */
static __always_inline __u32 dentry_path(struct task_struct *task, struct scratch *s, __u32 offset,
					 struct dentry *dentry, struct vfsmount *vfsmnt)
{
	struct walk_state w = { .pos = TRACER_PATH_MAX };
	__u32 len;

	w.root = (__u64)task->fs->root.dentry;
	w.root_mnt = (__u64)task->fs->root.mnt;
	w.dentry = (__u64)dentry;
	w.vfsmnt = (__u64)vfsmnt;
	bpf_loop(128, walk_step, &w, 0);
	if (w.done != 1)
		return 0;
	if (w.pos == TRACER_PATH_MAX) {
		w.pos--;
		s->tmp[w.pos & (TRACER_PATH_MAX - 1)] = '/';
	}
	len = (TRACER_PATH_MAX - w.pos) & (TRACER_PATH_MAX - 1);
	if (bpf_probe_read_kernel(&s->data[offset & (TRACER_PATH_MAX - 1)], len,
				  &s->tmp[w.pos & (TRACER_PATH_MAX - 1)]) != 0)
		return 0;
	return len;
}

static __always_inline __u32 file_path(struct task_struct *task, struct scratch *s, __u32 offset,
				       struct file *file)
{
	if (!file)
		return 0;
	file = as_kernel(struct file, file);
	return dentry_path(task, s, offset, file->f_path.dentry, file->f_path.mnt);
}

static __always_inline __u32 fd_path(struct task_struct *task, struct scratch *s, __u32 offset, long fd)
{
	return file_path(task, s, offset, fd_file(task, fd));
}

/* Facts the host needs every time: cwd changes, fds of directories (they resolve later
 * dirfd-relative paths), both names of a rename. */
static __always_inline int always_sent(const struct call *f, long ret)
{
	switch (f->op) {
	case TRACER_OP_CHDIR:
	case TRACER_OP_FCHDIR:
	case TRACER_OP_RENAME:
		return 1;
	case TRACER_OP_OPEN:
		return ret >= 0 && (f->flags & (O_DIRECTORY | O_PATH));
	}
	return 0;
}

/* 1 when this fact was sent before (and marks it sent). The path is the scratch data. */
static __always_inline int already_sent(struct task_struct *task, const struct call *f, long ret,
					const struct scratch *s, __u32 len)
{
	struct seen_bucket *bucket;
	__u64 base, fingerprint;
	__u32 op, index;

	base = (len > 0 && s->data[0] == '/') ? 0 : base_dentry(task, f->dirfd);
	if (base == 1)
		return 0;
	op = f->op | ((f->op == TRACER_OP_OPEN ? f->flags & (O_CREAT | O_EXCL | O_DIRECTORY) : 0) << 8);
	fingerprint = mix64(path_hash(s, len) ^ mix64(base ^ ((__u64)op << 32 | (__u32)(ret < 0 ? ret : 0))))
		      | 1;
	index = (__u32)(fingerprint >> 40) & (SEEN_BUCKETS - 1);
	bucket = bpf_map_lookup_elem(&seen, &index);
	if (!bucket)
		return 0;
	if (bucket->recent == fingerprint || bucket->older == fingerprint)
		return 1;
	bucket->older = bucket->recent;
	bucket->recent = fingerprint;
	return 0;
}

/* Reads a user string into data + offset; returns its length without the NUL (0 on failure). */
static __always_inline __u32 read_path(struct scratch *s, __u32 offset, __u64 user)
{
	long n;

	if (!user)
		return 0;
	n = bpf_probe_read_user_str(&s->data[offset & (TRACER_PATH_MAX - 1)], TRACER_PATH_MAX,
				    (const void *)user);
	return n > 1 ? (__u32)(n - 1) & (TRACER_PATH_MAX - 1) : 0;
}

/*
 * A path syscall of any task returned: its number, its registers (the arguments are still in
 * them: the kernel saved them at entry and leaves them) and its result. Nothing is kept
 * between entry and exit, so no program runs at entry.
 * Paths are read here, at exit, from the caller's memory: the kernel has just copied them
 * (getname), so their pages are resident and the read cannot miss the way a read at entry
 * can (BPF cannot take a page fault). A successful exec replaced that memory and those
 * registers; it comes as REC_EXEC with the kernel's own copy of the name.
 * Limitation: a thread that rewrites the path buffer while the call runs makes this read
 * the new string, not the one the kernel used.
 */
static __always_inline int path_syscall_exit(long id, const struct pt_regs *regs, long ret)
{
	struct task_struct *task;
	struct task_info *info;
	struct call call = {};
	struct scratch *s;
	__u32 len1, len2 = 0;

	task = bpf_get_current_task_btf();
	info = task_info(task);
	if (!info || !classify(id, regs, &call))
		return 0;
	if (call.op == TRACER_OP_EXEC && ret == 0)
		return 0;
	s = scratch_buffer();
	if (!s)
		return 0;
	len1 = read_path(s, 0, call.path1);
	if (len1 == 0 && call.op != TRACER_OP_FCHDIR)
		return 0;
	if (info->counting && !always_sent(&call, ret) && already_sent(task, &call, ret, s, len1))
		return 0;
	if (call.op == TRACER_OP_RENAME)
		len2 = read_path(s, len1, call.path2);
	else if (call.op == TRACER_OP_OPEN && ret >= 0)
		len2 = fd_path(task, s, len1, ret);
	header(s, TRACER_REC_SYSCALL, (__u32)task->pid);
	s->rec.op = (__u16)call.op;
	s->rec.ret = ret;
	s->rec.dirfd = call.dirfd;
	s->rec.dirfd2 = call.dirfd2;
	s->rec.flags = call.flags;
	s->rec.len1 = (__u16)len1;
	s->rec.len2 = (__u16)len2;
	output(s, TRACER_HEADER_SIZE + len1 + len2);
	return 0;
}

/* This runs on every syscall of the machine (the syscall tracepoints put all of them on the
 * kernel's slow path), so the test on the number comes first. fexit programs on each path
 * syscall would spare the others, but this machine's kernel refuses fexit and fentry
 * programs (EPERM even for an empty one), so they could not be tested here. */
SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	long id = (long)regs->orig_ax;

	if (!path_syscall(id))
		return 0;
	return path_syscall_exit(id, regs, ret);
}

/* ---- processes ---- */

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ppid = BPF_CORE_READ(parent, pid), pid = BPF_CORE_READ(child, pid);
	struct task_info *info = bpf_task_storage_get(&tracked, parent, 0, 0);
	struct task_info copy;
	struct scratch *s;

	if (!info)
		return 0;
	copy = *info;
	if (!bpf_task_storage_get(&tracked, child, &copy, BPF_LOCAL_STORAGE_GET_F_CREATE)) {
		/* No memory for the child's entry: it would run untraced, so the run must fail. */
		__sync_fetch_and_add(&drops, 1);
		return 0;
	}
	s = scratch_buffer();
	if (!s)
		return 0;
	header(s, TRACER_REC_FORK, pid);
	s->rec.ppid = ppid;
	if (BPF_CORE_READ(child, fs) == BPF_CORE_READ(parent, fs))
		s->rec.flags |= TRACER_SHARE_FS;
	if (BPF_CORE_READ(child, files) == BPF_CORE_READ(parent, files))
		s->rec.flags |= TRACER_SHARE_FILES;
	output(s, TRACER_HEADER_SIZE);
	return 0;
}

/* Fires once the binary handlers accepted the file: filename is the name execve was given,
 * interp the script interpreter (equal to filename for an ELF binary). */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	__u32 pid = BPF_CORE_READ(p, pid), old = (__u32)old_pid;
	struct task_info counting = { .counting = 1 }, *info;
	struct scratch *s;
	long n1, n2 = 0;
	__u32 len1, len2 = 0;
	const char *filename = BPF_CORE_READ(bprm, filename), *interp = BPF_CORE_READ(bprm, interp);
	int joined = 0;

	/* A non-leader thread that execs takes the leader's pid (old is its own): its entry stays
	 * with its task, the leader's went when the leader exited. */
	info = bpf_task_storage_get(&tracked, p, 0, 0);
	if (!info) {
		if (join_mnt_ns == 0 || BPF_CORE_READ(p, nsproxy, mnt_ns, ns.inum) != join_mnt_ns)
			return 0;
		joined = 1;
		info = bpf_task_storage_get(&tracked, p, &counting, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!info) {
			__sync_fetch_and_add(&drops, 1);
			return 0;
		}
	}
	info->counting = 1;
	s = scratch_buffer();
	if (!s)
		return 0;
	if (joined) {
		header(s, TRACER_REC_JOIN, pid);
		len1 = dentry_path(p, s, 0, p->fs->pwd.dentry, p->fs->pwd.mnt);
		s->rec.len1 = (__u16)len1;
		output(s, TRACER_HEADER_SIZE + len1);
	}
	header(s, TRACER_REC_EXEC, pid);
	s->rec.ppid = old;
	s->rec.dirfd = TRACER_AT_FDCWD;
	n1 = bpf_probe_read_kernel_str(s->data, TRACER_PATH_MAX, filename);
	len1 = n1 > 1 ? (__u32)(n1 - 1) & (TRACER_PATH_MAX - 1) : 0;
	if (interp && interp != filename) {
		n2 = bpf_probe_read_kernel_str(&s->data[len1], TRACER_PATH_MAX, interp);
		len2 = n2 > 1 ? (__u32)(n2 - 1) & (TRACER_PATH_MAX - 1) : 0;
	}
	s->rec.len1 = (__u16)len1;
	s->rec.len2 = (__u16)len2;
	output(s, TRACER_HEADER_SIZE + len1 + len2);
	/* The file that really runs: the binary behind a symlinked name, or a script's interpreter. */
	len1 = file_path(p, s, 0, bprm->file);
	if (len1 == 0)
		return 0;
	header(s, TRACER_REC_EXEC_FILE, pid);
	s->rec.len1 = (__u16)len1;
	output(s, TRACER_HEADER_SIZE + len1);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *p)
{
	__u32 pid = BPF_CORE_READ(p, pid);
	struct scratch *s;

	if (bpf_task_storage_delete(&tracked, p) != 0)
		return 0;
	s = scratch_buffer();
	if (!s)
		return 0;
	header(s, TRACER_REC_EXIT, pid);
	output(s, TRACER_HEADER_SIZE);
	return 0;
}
