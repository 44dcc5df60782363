/*
 * tracer-gate: holds a container's real program back until the host tracer is armed, then runs
 * it as the only child of PID 1.
 *
 * Usage:   tracer-gate PROGRAM [ARG...]
 *          The image's entrypoint + cmd become PROGRAM and ARGs. PROGRAM is looked up like
 *          execvp(3): taken as a path when it contains '/', otherwise searched in PATH
 *          (default "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" when PATH
 *          is unset). The environment is passed on unchanged, except TRACER_GATE_RELEASE.
 *
 * Release: the gate opens the FIFO /.tracer/release (or $TRACER_GATE_RELEASE, which it then
 *          removes from the environment) for reading, non-blocking, and waits until a writer
 *          appears. The host opens the FIFO for writing and writes one byte: 'g' means go.
 *          End of file (writer closed without writing) or any other byte means abort: exit 125.
 *          A forwarded signal (below) that arrives before release ends the gate with 128+signal;
 *          the program never starts.
 *
 * Running: after release the gate forks; the child restores the signal mask and dispositions
 *          and execs PROGRAM. The gate (normally PID 1 of the container) forwards SIGTERM,
 *          SIGINT, SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 to the child, reaps every process
 *          that ends up as its child (orphans re-parented to PID 1), and exits when the
 *          program exits: with its exit code, or 128+signal when it was killed by a signal.
 *          It re-raises nothing. When not PID 1 it makes itself a child subreaper, so orphans
 *          are still reaped by it.
 *
 * Fds:     stdin, stdout and stderr pass through to PROGRAM untouched. The gate's own fds (the
 *          FIFO, the exec-error pipe) are close-on-exec; PROGRAM inherits nothing else from it.
 *
 * Output:  nothing on stdout. On failure one line on stderr, "tracer-gate: <what>: <reason>",
 *          e.g. "tracer-gate: cannot exec '<prog>': No such file or directory".
 *
 * Exit:    PROGRAM's exit code, or 128+n when PROGRAM was killed by signal n;
 *          127  PROGRAM not found;
 *          126  PROGRAM found but not executable (any other exec failure too);
 *          125  the gate's own failure: usage, release FIFO, abort, fork.
 *
 * Limitation: with a TTY (docker run -t) Ctrl-C's SIGINT reaches the program twice, directly
 * (same process group) and forwarded; the gate does not move the program to its own group.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

enum { EXIT_GATE = 125, EXIT_NOEXEC = 126, EXIT_NOTFOUND = 127, EXIT_SIGNAL_BASE = 128 };

static const char *const release_default = "/.tracer/release";
static const char *const path_default =
    "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
static const int forwarded[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
#define FORWARDED_COUNT (sizeof forwarded / sizeof forwarded[0])

static volatile sig_atomic_t early_signal;

static void note_signal(int sig)
{
    early_signal = sig;
}

static _Noreturn void fail(const char *what, const char *value, int errnum)
{
    if (value != NULL)
        fprintf(stderr, "tracer-gate: %s '%s': %s\n", what, value, strerror(errnum));
    else
        fprintf(stderr, "tracer-gate: %s: %s\n", what, strerror(errnum));
    exit(EXIT_GATE);
}

/* Handlers (not just a blocked mask) matter for PID 1: the kernel drops signals from an
 * ancestor namespace that PID 1 has no handler for. Returns 0, or -1 with errno. */
static int install_handlers(sigset_t *blocked, sigset_t *original)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = note_signal;
    sigemptyset(&sa.sa_mask);
    sigemptyset(blocked);
    sigaddset(blocked, SIGCHLD);
    for (size_t i = 0; i < FORWARDED_COUNT; i++) {
        if (sigaction(forwarded[i], &sa, NULL) != 0)
            return -1;
        sigaddset(blocked, forwarded[i]);
    }
    return sigprocmask(SIG_BLOCK, blocked, original);
}

/* Waits for the host's release byte. Returns 1 for go, 0 for abort, -1 with errno. */
static int wait_for_release(const char *path, const sigset_t *waitmask)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    for (;;) {
        /* A FIFO reader that never saw a writer polls as not ready (no POLLHUP) until the
         * first writer opens it, so this blocks until the host releases. */
        struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
        if (ppoll(&p, 1, NULL, waitmask) >= 0)
            break;
        if (errno != EINTR)
            return -1;
        if (early_signal != 0)
            exit(EXIT_SIGNAL_BASE + early_signal);
    }
    char byte = 0;
    ssize_t n;
    do
        n = read(fd, &byte, 1);
    while (n < 0 && errno == EINTR);
    int saved = errno;
    close(fd);
    errno = saved;
    if (n < 0)
        return -1;
    return n == 1 && byte == 'g';
}

/* execvp(3) semantics with our default PATH; returns only on failure, with errno set to
 * EACCES when some candidate was found but not executable. */
static void exec_program(char *const argv[])
{
    const char *prog = argv[0];
    if (strchr(prog, '/') != NULL) {
        execv(prog, argv);
        return;
    }
    const char *path = getenv("PATH");
    if (path == NULL)
        path = path_default;
    int seen_eacces = 0;
    char candidate[PATH_MAX];
    for (const char *dir = path;; dir++) {
        const char *end = strchrnul(dir, ':');
        size_t len = (size_t)(end - dir);
        int written = len == 0 ? snprintf(candidate, sizeof candidate, "%s", prog)
                               : snprintf(candidate, sizeof candidate, "%.*s/%s",
                                          (int)len, dir, prog);
        if (written > 0 && (size_t)written < sizeof candidate) {
            execv(candidate, argv);
            if (errno == EACCES)
                seen_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG)
                return;
        }
        if (*end == '\0')
            break;
        dir = end;
    }
    errno = seen_eacces ? EACCES : ENOENT;
}

static _Noreturn void run_child(char *const argv[], const sigset_t *original, int report_fd)
{
    for (size_t i = 0; i < FORWARDED_COUNT; i++)
        signal(forwarded[i], SIG_DFL);
    sigprocmask(SIG_SETMASK, original, NULL);
    exec_program(argv);
    int errnum = errno;
    /* The parent reads this through the close-on-exec pipe; nothing useful to do if it fails. */
    ssize_t ignored = write(report_fd, &errnum, sizeof errnum);
    (void)ignored;
    _exit(errnum == ENOENT || errnum == ENOTDIR ? EXIT_NOTFOUND : EXIT_NOEXEC);
}

static int status_code(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return EXIT_SIGNAL_BASE + WTERMSIG(status);
    return EXIT_GATE;
}

/* Reaps every exited child; returns the program's exit code once it is among them, else -1. */
static int reap(pid_t program)
{
    int code = -1;
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        if (pid == program)
            code = status_code(status);
    return code;
}

static _Noreturn void supervise(pid_t program, const sigset_t *blocked)
{
    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(blocked, &info);
        if (sig < 0) {
            if (errno == EINTR)
                continue;
            fail("sigwaitinfo", NULL, errno);
        }
        if (sig != SIGCHLD) {
            /* ESRCH: the program just exited; its SIGCHLD is already pending. */
            kill(program, sig);
            continue;
        }
        int code = reap(program);
        if (code >= 0)
            exit(code);
    }
}

int main(int argc, char *argv[])
{
    if (argc < 2) {
        fprintf(stderr, "tracer-gate: usage: tracer-gate PROGRAM [ARG...]\n");
        return EXIT_GATE;
    }
    const char *release = getenv("TRACER_GATE_RELEASE");
    char release_path[PATH_MAX];
    snprintf(release_path, sizeof release_path, "%s", release != NULL ? release : release_default);
    unsetenv("TRACER_GATE_RELEASE");

    sigset_t blocked, original;
    if (install_handlers(&blocked, &original) != 0)
        fail("cannot install signal handlers", NULL, errno);
    /* PR_SET_CHILD_SUBREAPER: Linux 3.4. */
    if (getpid() != 1 && prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L) != 0)
        fail("cannot become a child subreaper", NULL, errno);

    sigset_t waitmask = original;
    for (size_t i = 0; i < FORWARDED_COUNT; i++)
        sigdelset(&waitmask, forwarded[i]);
    int go = wait_for_release(release_path, &waitmask);
    if (go < 0)
        fail("cannot read release fifo", release_path, errno);
    if (go == 0) {
        fprintf(stderr, "tracer-gate: aborted by the host before start\n");
        return EXIT_GATE;
    }

    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0)
        fail("cannot create pipe", NULL, errno);
    pid_t program = fork();
    if (program < 0)
        fail("cannot fork", NULL, errno);
    if (program == 0)
        run_child(argv + 1, &original, report[1]);
    close(report[1]);

    int errnum = 0;
    ssize_t n;
    do
        n = read(report[0], &errnum, sizeof errnum);
    while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof errnum) {
        fprintf(stderr, "tracer-gate: cannot exec '%s': %s\n", argv[1], strerror(errnum));
        int status;
        while (waitpid(program, &status, 0) < 0 && errno == EINTR)
            ;
        return errnum == ENOENT || errnum == ENOTDIR ? EXIT_NOTFOUND : EXIT_NOEXEC;
    }
    supervise(program, &blocked);
}
