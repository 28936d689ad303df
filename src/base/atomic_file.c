/* atomic_file: see include/base/atomic_file.h.
 *
 * The signal handler may only call async-signal-safe functions: it walks a
 * fixed table of paths (set before the file is created, cleared after the
 * rename) and calls unlink(2). */
#include "base/atomic_file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/i18n.h"

enum { ATOMIC_SLOTS = 16, ATOMIC_PATH_MAX = 4096 };

static char pending[ATOMIC_SLOTS][ATOMIC_PATH_MAX];
static volatile sig_atomic_t pending_used[ATOMIC_SLOTS];
/* When this run started: temporary files older than it cannot be ours. */
static struct timespec run_started;

static void on_fatal_signal(int sig)
{
    for (int i = 0; i < ATOMIC_SLOTS; i++)
        if (pending_used[i])
            unlink(pending[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void atomic_file_install_signal_handlers(void)
{
    clock_gettime(CLOCK_REALTIME, &run_started);
    /* A crash (SIGSEGV, SIGBUS, SIGABRT…) is a fatal signal too: its
     * temporary file goes as well. Not under the sanitizers, whose own
     * handlers must see the crash to report it. */
#if defined(__SANITIZE_ADDRESS__)
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#else
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV,
                               SIGBUS, SIGFPE,  SIGILL, SIGABRT};
#endif
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

/* True for a name mkstemp made from our pattern ".NAME.XXXXXX" where NAME
 * is an output we write (.pdf .png .svg .json). */
static bool is_our_temp_name(const char *nm)
{
    size_t len = strlen(nm);
    if (len < 1 + 5 + 7 || nm[0] != '.' || nm[len - 7] != '.')
        return false;
    for (size_t i = len - 6; i < len; i++)
        if (!((nm[i] >= 'a' && nm[i] <= 'z') || (nm[i] >= 'A' && nm[i] <= 'Z') ||
              (nm[i] >= '0' && nm[i] <= '9')))
            return false;
    static const char *const exts[] = {".pdf", ".png", ".svg", ".json"};
    for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++) {
        size_t el = strlen(exts[e]);
        if (len - 7 > el && memcmp(nm + len - 7 - el, exts[e], el) == 0)
            return true;
    }
    return false;
}

/* A run killed by SIGKILL (which no handler sees) leaves its temporary file;
 * the next run writing into that folder removes such leftovers: regular
 * files of our own pattern, owned by us, last written before this run
 * started and not locked: every run holds a lock on its temporary file
 * until it is renamed, so a concurrent run's file (make -j) is left alone. */
static bool before_run(const struct timespec *t)
{
    return t->tv_sec < run_started.tv_sec ||
           (t->tv_sec == run_started.tv_sec && t->tv_nsec < run_started.tv_nsec);
}

static void remove_stale_temps(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    int dfd = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!is_our_temp_name(e->d_name))
            continue;
        struct stat st;
        if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            st.st_uid != geteuid() || !before_run(&st.st_mtim))
            continue;
        int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            unlinkat(dfd, e->d_name, 0);
        close(fd);
    }
    closedir(d);
}

static void block_signals(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, old);
}

bool atomic_file_open(atomic_file *af, const char *target, diag_list *dl)
{
    memset(af, 0, sizeof *af);
    af->slot = -1;
    size_t n = strlen(target);
    if (n + 16 >= ATOMIC_PATH_MAX) {
        diag_error(dl, target, "%s", _("the output path is too long"));
        return false;
    }
    af->target = strdup(target);
    af->tmp = malloc(n + 16);
    if (!af->target || !af->tmp) {
        diag_error(dl, target, "%s", _("out of memory"));
        atomic_file_abort(af);
        return false;
    }
    /* A dot-file beside the target: same file system, so rename is atomic. */
    const char *slash = strrchr(target, '/');
    size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
    snprintf(af->tmp, n + 16, "%.*s.%s.XXXXXX", (int)dir_len, target, target + dir_len);
    if (run_started.tv_sec) {
        char *dir = dir_len ? strndup(target, dir_len) : strdup(".");
        if (dir)
            remove_stale_temps(dir);
        free(dir);
    }

    sigset_t old;
    block_signals(&old);
    for (int i = 0; i < ATOMIC_SLOTS; i++)
        if (!pending_used[i]) {
            af->slot = i;
            break;
        }
    int fd = -1;
    if (af->slot >= 0) {
        fd = mkstemp(af->tmp);
        if (fd >= 0) {
            memcpy(pending[af->slot], af->tmp, strlen(af->tmp) + 1);
            pending_used[af->slot] = 1;
        }
    }
    int err = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (af->slot < 0) {
        diag_error(dl, target, "%s", _("too many output files open at once"));
        atomic_file_abort(af);
        return false;
    }
    if (fd < 0) {
        char *dir = strndup(target, dir_len ? dir_len : 1);
        diag_error(dl, target, _("cannot write into the directory \"%s\": %s"),
                   dir_len ? (dir ? dir : "?") : ".", strerror(err));
        free(dir);
        af->slot = -1;
        atomic_file_abort(af);
        return false;
    }
    /* mkstemp makes 0600; the output gets what any new file would get,
     * 0666 less the umask, so a draft under umask 077 stays private. */
    flock(fd, LOCK_EX | LOCK_NB); /* in use: see remove_stale_temps */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    af->fp = fdopen(fd, "wb");
    if (!af->fp) {
        close(fd);
        diag_error(dl, target, "%s", strerror(errno));
        atomic_file_abort(af);
        return false;
    }
    return true;
}

static void release_slot(atomic_file *af)
{
    if (af->slot < 0)
        return;
    sigset_t old;
    block_signals(&old);
    pending_used[af->slot] = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    af->slot = -1;
}

bool atomic_file_commit(atomic_file *af, diag_list *dl)
{
    bool ok = fflush(af->fp) == 0 && !ferror(af->fp) && fsync(fileno(af->fp)) == 0;
    int err = errno;
    if (fclose(af->fp) != 0 && ok) {
        err = errno; /* the close is what failed: name its cause */
        ok = false;
    }
    af->fp = NULL;
    if (ok && rename(af->tmp, af->target) != 0) {
        err = errno;
        ok = false;
    }
    if (!ok) {
        diag_error(dl, af->target, _("cannot write: %s"), strerror(err));
        atomic_file_abort(af);
        return false;
    }
    release_slot(af);
    free(af->tmp);
    free(af->target);
    af->tmp = af->target = NULL;
    return true;
}

void atomic_file_abort(atomic_file *af)
{
    if (af->fp)
        fclose(af->fp);
    af->fp = NULL;
    if (af->slot >= 0 && af->tmp)
        unlink(af->tmp);
    release_slot(af);
    free(af->tmp);
    free(af->target);
    af->tmp = af->target = NULL;
}
