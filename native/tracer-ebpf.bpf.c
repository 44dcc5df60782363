// SPDX-License-Identifier: GPL-2.0
/*
 * tracer-ebpf.bpf.c: the kernel half of Tracer's eBPF backend (CO-RE, clang -target bpf).
 *
 * Follows one root pid and its descendants (the `tracked` map: filled on fork of a tracked
 * parent, emptied on exit; cgroup ids are not used because this machine's Docker runs cgroup
 * v1). The same entry holds the task's path syscall in flight between entry and exit, so a
 * traced call costs one hash lookup at each end and nothing is allocated or freed for it.
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

struct inflight {
	__u64 path1;
	__u64 path2;
	__s32 dirfd;
	__s32 dirfd2;
	__u32 flags;
	__u16 op; /* 0: no path syscall in flight */
	__u16 pad;
};

/* One per tracked task, written only by that task (and read by fork for its child). counting:
 * whether its facts are de-duplicated: not before the root's first exec, whose accesses the
 * host does not count (the gate's handshake), so nothing it needs is hidden. */
struct task_info {
	__u32 counting;
	__u32 pad;
	struct inflight call;
};

struct fact {
	__u64 hash;
	__u64 base; /* 0: absolute; else the dentry of the cwd or dirfd */
	__u32 op;
	__s32 result;
	__u64 check; /* mixed from the fields above, always odd: a torn or empty slot fails it */
};

struct scratch {
	struct tracer_record rec;
	char data[2 * TRACER_PATH_MAX];
	char tmp[2 * TRACER_PATH_MAX]; /* fd_path builds backwards in the first half */
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 32768);
	__type(key, __u32);
	__type(value, struct task_info);
} tracked SEC(".maps");

/*
 * Facts sent so far: a direct-mapped cache, one slot per fact by its mixed hash. A hit is a
 * load and a compare; a miss overwrites the slot. No lock, no allocation: a hash map's update
 * cost more than the rest of a traced stat together (measured with perf on a walk of /usr,
 * where every fact is new). A fact whose slot was taken by another is sent again, which is
 * harmless (de-duplication saves work, it never filters). Slots are written without locks
 * from several CPUs; a slot torn by two writers fails its check, so it can never claim a fact
 * that was not sent.
 */
#define SEEN_SLOTS (1 << 17)

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SEEN_SLOTS);
	__type(key, __u32);
	__type(value, struct fact);
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
__u64 sent = 0;
/* Set by the loader before loading: the reader is woken only once this much is queued (it
 * also polls every few ms), so a burst of records costs one wake-up, not one each. */
const volatile __u64 wakeup_bytes = 64 * 1024;
/* Set by the loader: the inode of the traced container's mount namespace (0: none). A task
 * that is not a descendant of the root but execs inside that namespace (a `docker exec`
 * probe, a HEALTHCHECK: runc joins the namespace, then execs the command) is followed from
 * that exec on, with a REC_JOIN record carrying its working directory. */
const volatile __u64 join_mnt_ns = 0;

static __always_inline __u32 current_tid(void)
{
	return (__u32)bpf_get_current_pid_tgid();
}

static __always_inline struct scratch *scratch_buffer(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch, &zero);
}

static __always_inline void output(struct scratch *s, __u32 size)
{
	__u64 flags;

	if (size > sizeof(*s))
		return;
	s->rec.size = size;
	flags = bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ? BPF_RB_FORCE_WAKEUP
									      : BPF_RB_NO_WAKEUP;
	if (bpf_ringbuf_output(&events, s, size, flags) != 0)
		__sync_fetch_and_add(&drops, 1);
	else
		__sync_fetch_and_add(&sent, 1);
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

static __always_inline int classify(long id, struct pt_regs *regs, struct inflight *f)
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

/* This runs on every syscall of the machine: the cheap tests (number, then tracked tid) come
 * before any argument is read. */
SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	struct task_info *info;
	struct inflight f = {};
	__u32 tid;

	if (!path_syscall(id))
		return 0;
	tid = current_tid();
	info = bpf_map_lookup_elem(&tracked, &tid);
	if (!info)
		return 0;
	if (classify(id, regs, &f))
		info->call = f;
	return 0;
}

/* ---- de-duplication ---- */

struct hash_state {
	__u64 hash;
	__u32 len;
};

/* One 8-byte step of an FNV-1a-style hash over the scratch path data[0, len) (bytes past len
 * masked off). A direct load from the per-CPU scratch value: no helper call per word. */
static long hash_step(__u32 i, void *ctx)
{
	struct hash_state *h = ctx;
	struct scratch *s = scratch_buffer();
	__u32 at = i * 8, rest;
	__u64 word;

	if (!s || at >= h->len)
		return 1;
	word = *(__u64 *)&s->data[at & (TRACER_PATH_MAX - 8)];
	rest = h->len - at;
	if (rest < 8)
		word &= (1ULL << (rest * 8)) - 1;
	h->hash = (h->hash ^ word) * 0x100000001b3ULL;
	return 0;
}

/* Hashes the scratch path data[0, len) (bpf_loop, kernel >= 5.17, keeps the verifier's
 * work independent of PATH_MAX). */
static __always_inline __u64 path_hash(__u32 len)
{
	struct hash_state h = { .hash = 0xcbf29ce484222325ULL ^ len, .len = len };

	bpf_loop((len + 7) / 8, hash_step, &h, 0);
	return h.hash;
}

static __always_inline struct file *fd_file(struct task_struct *task, long fd)
{
	struct file **fds;
	struct file *file = NULL;

	if (fd < 0 || fd >= BPF_CORE_READ(task, files, fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(task, files, fdt, fd);
	if (bpf_probe_read_kernel(&file, sizeof(file), fds + fd) != 0)
		return NULL;
	return file;
}

/* The directory a relative path starts from, as a kernel object: the cwd's or the dirfd's
 * dentry. 1 when it cannot be read (the fact is then sent, not de-duplicated).
 * Limitation: one directory reached under two names (a cwd entered through a directory
 * symlink and through its target) is one base: the relative path is recorded under the
 * first name only. */
static __always_inline __u64 base_dentry(__s32 dirfd)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct file *file;

	if (dirfd == TRACER_AT_FDCWD)
		return (__u64)BPF_CORE_READ(task, fs, pwd.dentry);
	file = fd_file(task, dirfd);
	return file ? (__u64)BPF_CORE_READ(file, f_path.dentry) : 1;
}

/*
 * The path an open fd refers to, as the task sees it (relative to its root, so a container's
 * view): what strace -y prints, which names the symlink's target when a link was opened.
 * Walks d_parent up to the task's root, crossing mounts through mnt_mountpoint. Written to
 * data + offset; returns its length, 0 when it does not fit or the walk is deeper than 64.
 */
struct walk_state {
	struct dentry *root, *dentry;
	struct vfsmount *root_mnt, *vfsmnt;
	__u32 pos;
	int done; /* 1: reached the root; -1: failed */
};

/* One step up: a name component, or a mount crossed. */
static long walk_step(__u32 i, void *ctx)
{
	struct walk_state *w = ctx;
	struct scratch *s = scratch_buffer();
	/* Locals: CO-RE relocations must start from kernel types, not from walk_state. */
	struct dentry *dentry = w->dentry, *parent;
	struct vfsmount *vfsmnt = w->vfsmnt;
	struct mount *mnt, *up;
	struct qstr name;
	__u32 len, pos = w->pos;

	if (!s)
		return w->done = -1, 1;
	if (dentry == w->root && vfsmnt == w->root_mnt)
		return w->done = 1, 1;
	if (dentry == BPF_CORE_READ(vfsmnt, mnt_root)) {
		mnt = container_of(vfsmnt, struct mount, mnt);
		up = BPF_CORE_READ(mnt, mnt_parent);
		if (up == mnt)
			return w->done = -1, 1; /* outside the task's root */
		w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->vfsmnt = &up->mnt;
		return 0;
	}
	parent = BPF_CORE_READ(dentry, d_parent);
	name = BPF_CORE_READ(dentry, d_name);
	len = name.len & 255;
	if (parent == dentry || len + 1 >= pos || pos > TRACER_PATH_MAX)
		return w->done = -1, 1;
	pos -= len;
	bpf_probe_read_kernel(&s->tmp[pos & (TRACER_PATH_MAX - 1)], len, name.name);
	pos -= 1;
	s->tmp[pos & (TRACER_PATH_MAX - 1)] = '/';
	w->pos = pos;
	w->dentry = parent;
	return 0;
}

/*
 * The path an open fd refers to, as the task sees it (relative to its root, so a container's
 * view): what strace -y prints, which names the symlink's target when a link was opened.
 * Walks d_parent up to the task's root, crossing mounts through mnt_mountpoint (bpf_d_path
 * would do this but is not allowed in tracepoints). Written to data + offset; returns its
 * length, 0 when it does not fit or is deeper than 128 steps.
 */
static __always_inline __u32 dentry_path(struct scratch *s, __u32 offset, struct dentry *dentry,
					 struct vfsmount *vfsmnt)
{
	struct task_struct *task = (struct task_struct *)bpf_get_current_task();
	struct walk_state w = { .pos = TRACER_PATH_MAX };
	__u32 len;

	w.root = BPF_CORE_READ(task, fs, root.dentry);
	w.root_mnt = BPF_CORE_READ(task, fs, root.mnt);
	w.dentry = dentry;
	w.vfsmnt = vfsmnt;
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

static __always_inline __u32 file_path(struct scratch *s, __u32 offset, struct file *file)
{
	if (!file)
		return 0;
	return dentry_path(s, offset, BPF_CORE_READ(file, f_path.dentry), BPF_CORE_READ(file, f_path.mnt));
}

static __always_inline __u32 fd_path(struct scratch *s, __u32 offset, long fd)
{
	return file_path(s, offset, fd_file((struct task_struct *)bpf_get_current_task(), fd));
}

/* Facts the host needs every time: cwd changes, fds of directories (they resolve later
 * dirfd-relative paths), both names of a rename. */
static __always_inline int always_sent(const struct inflight *f, long ret)
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

/* 1 when this fact was sent before (and marks it sent). path is the scratch data. */
static __always_inline int already_sent(const struct inflight *f, long ret, const char *path,
					__u32 len)
{
	struct fact key = {}, *slot;
	__u32 slot_index;

	key.hash = path_hash(len);
	key.base = (len > 0 && path[0] == '/') ? 0 : base_dentry(f->dirfd);
	key.op = f->op | ((f->op == TRACER_OP_OPEN ? f->flags & (O_CREAT | O_EXCL | O_DIRECTORY) : 0) << 8);
	key.result = ret < 0 ? (__s32)ret : 0;
	if (key.base == 1)
		return 0;
	key.check = ((key.hash ^ (key.base * 0x9e3779b97f4a7c15ULL) ^ ((__u64)key.op << 32 | (__u32)key.result))
		     * 0xff51afd7ed558ccdULL) | 1;
	slot_index = (__u32)(key.check >> 32) & (SEEN_SLOTS - 1);
	slot = bpf_map_lookup_elem(&seen, &slot_index);
	if (!slot)
		return 0;
	if (slot->check == key.check && slot->hash == key.hash && slot->base == key.base
	    && slot->op == key.op && slot->result == key.result)
		return 1;
	*slot = key;
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
 * Paths are read here, at exit, from the caller's memory: the kernel has just copied them
 * (getname), so their pages are resident and the read cannot miss the way a read at entry
 * can (BPF cannot take a page fault). A successful exec replaced that memory; it comes as
 * REC_EXEC with the kernel's own copy of the name.
 * Limitation: a thread that rewrites the path buffer while the call runs makes this read
 * the new string, not the one the kernel used.
 */
SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	struct task_info *info;
	struct inflight copy;
	struct scratch *s;
	__u32 tid, len1, len2 = 0;

	/* Like sys_enter, this runs on every syscall of the machine: orig_ax still holds the
	 * number, so the other calls cost no map lookup. */
	if (!path_syscall((long)regs->orig_ax))
		return 0;
	tid = current_tid();
	info = bpf_map_lookup_elem(&tracked, &tid);
	if (!info || info->call.op == 0)
		return 0;
	copy = info->call;
	info->call.op = 0;
	if (copy.op == TRACER_OP_EXEC && ret == 0)
		return 0;
	s = scratch_buffer();
	if (!s)
		return 0;
	len1 = read_path(s, 0, copy.path1);
	if (len1 == 0 && copy.op != TRACER_OP_FCHDIR)
		return 0;
	if (info->counting && !always_sent(&copy, ret) && already_sent(&copy, ret, s->data, len1))
		return 0;
	if (copy.op == TRACER_OP_RENAME)
		len2 = read_path(s, len1, copy.path2);
	else if (copy.op == TRACER_OP_OPEN && ret >= 0)
		len2 = fd_path(s, len1, ret);
	header(s, TRACER_REC_SYSCALL, tid);
	s->rec.op = copy.op;
	s->rec.ret = ret;
	s->rec.dirfd = copy.dirfd;
	s->rec.dirfd2 = copy.dirfd2;
	s->rec.flags = copy.flags;
	s->rec.len1 = (__u16)len1;
	s->rec.len2 = (__u16)len2;
	output(s, TRACER_HEADER_SIZE + len1 + len2);
	return 0;
}

/* ---- processes ---- */

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ppid = BPF_CORE_READ(parent, pid), pid = BPF_CORE_READ(child, pid);
	struct task_info *info = bpf_map_lookup_elem(&tracked, &ppid);
	struct task_info copy;
	struct scratch *s;

	if (!info)
		return 0;
	copy = *info;
	copy.call.op = 0;
	bpf_map_update_elem(&tracked, &pid, &copy, BPF_ANY);
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
	struct task_info counting = { .counting = 1 };
	struct scratch *s;
	long n1, n2 = 0;
	__u32 len1, len2 = 0;
	const char *filename = BPF_CORE_READ(bprm, filename), *interp = BPF_CORE_READ(bprm, interp);
	int joined = 0;

	if (!bpf_map_lookup_elem(&tracked, &old) && !bpf_map_lookup_elem(&tracked, &pid)) {
		if (join_mnt_ns == 0 || BPF_CORE_READ(p, nsproxy, mnt_ns, ns.inum) != join_mnt_ns)
			return 0;
		joined = 1;
	}
	/* A non-leader thread that execs takes the leader's pid. */
	if (old != pid)
		bpf_map_delete_elem(&tracked, &old);
	bpf_map_update_elem(&tracked, &pid, &counting, BPF_ANY);
	s = scratch_buffer();
	if (!s)
		return 0;
	if (joined) {
		header(s, TRACER_REC_JOIN, pid);
		len1 = dentry_path(s, 0, BPF_CORE_READ(p, fs, pwd.dentry), BPF_CORE_READ(p, fs, pwd.mnt));
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
	len1 = file_path(s, 0, BPF_CORE_READ(bprm, file));
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

	if (bpf_map_delete_elem(&tracked, &pid) != 0)
		return 0;
	s = scratch_buffer();
	if (!s)
		return 0;
	header(s, TRACER_REC_EXIT, pid);
	output(s, TRACER_HEADER_SIZE);
	return 0;
}
