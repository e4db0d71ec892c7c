// Lets `make dist`'s binary start on glibc 2.31 (Debian 11, Ubuntu 20.04) although it is linked
// on a newer one: the static Swift runtime, libstdc++ and libgcc were built against a newer glibc
// and ask for symbol versions an older glibc lacks. `make dist` links with `--wrap=NAME` for
// each name below (DIST_GLIBC_WRAP in the Makefile), which sends every reference to NAME to
// `__wrap_NAME` here. Each wrapper either calls the oldest version of the same function (which
// every newer glibc still carries, so the binary runs there too), or stands in for a function the
// old glibc does not have at all (arc4random, _dl_find_object). Ordinary builds link this file
// too but do not use it.
#define _GNU_SOURCE
#include <stdlib.h>  // defines __GLIBC__ on glibc
#if defined(__linux__) && defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

// The oldest version of each symbol on this architecture, and the stat ABI's version number.
#if defined(__x86_64__)
#define BASE "GLIBC_2.2.5"
#define AFFINITY "GLIBC_2.3.4"
#define SETNAME "GLIBC_2.12"
#define STAT_VERSION 1
#else
#define BASE "GLIBC_2.17"
#define AFFINITY "GLIBC_2.17"
#define SETNAME "GLIBC_2.17"
#define STAT_VERSION 0
#endif

// OLD(name, version): `name_old` is `name` at that version. On a glibc older than 2.34 (where
// the default versions are the old ones already) it is simply `name`.
#if __GLIBC_PREREQ(2, 34)
#define OLD(name, type, version) \
    extern type name##_old; \
    __asm__(".symver " #name "_old, " #name "@" version);
#else
#define OLD(name, type, version) static type *const name##_old = name;
#endif

// MARK: Threads, semaphores and dlopen: in libpthread and libdl before glibc 2.34.
OLD(pthread_create, __typeof__(pthread_create), BASE)
OLD(pthread_join, __typeof__(pthread_join), BASE)
OLD(pthread_detach, __typeof__(pthread_detach), BASE)
OLD(pthread_kill, __typeof__(pthread_kill), BASE)
OLD(pthread_once, __typeof__(pthread_once), BASE)
OLD(pthread_key_create, __typeof__(pthread_key_create), BASE)
OLD(pthread_setspecific, __typeof__(pthread_setspecific), BASE)
OLD(pthread_setname_np, __typeof__(pthread_setname_np), SETNAME)
OLD(pthread_sigmask, __typeof__(pthread_sigmask), BASE)
OLD(pthread_getattr_np, __typeof__(pthread_getattr_np), BASE)
OLD(pthread_getaffinity_np, __typeof__(pthread_getaffinity_np), AFFINITY)
OLD(pthread_attr_getstack, __typeof__(pthread_attr_getstack), BASE)
OLD(pthread_mutexattr_init, __typeof__(pthread_mutexattr_init), BASE)
OLD(pthread_mutexattr_destroy, __typeof__(pthread_mutexattr_destroy), BASE)
OLD(pthread_mutexattr_settype, __typeof__(pthread_mutexattr_settype), BASE)
OLD(sem_init, __typeof__(sem_init), BASE)
OLD(sem_destroy, __typeof__(sem_destroy), BASE)
OLD(sem_wait, __typeof__(sem_wait), BASE)
OLD(sem_timedwait, __typeof__(sem_timedwait), BASE)
OLD(sem_post, __typeof__(sem_post), BASE)
OLD(sem_open, __typeof__(sem_open), BASE)
OLD(dlopen, __typeof__(dlopen), BASE)
OLD(dlsym, __typeof__(dlsym), BASE)
OLD(dlerror, __typeof__(dlerror), BASE)
OLD(dladdr, __typeof__(dladdr), BASE)

int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attributes, void *(*start)(void *), void *argument) {
    return pthread_create_old(thread, attributes, start, argument);
}
int __wrap_pthread_join(pthread_t thread, void **result) { return pthread_join_old(thread, result); }
int __wrap_pthread_detach(pthread_t thread) { return pthread_detach_old(thread); }
int __wrap_pthread_kill(pthread_t thread, int signal) { return pthread_kill_old(thread, signal); }
int __wrap_pthread_once(pthread_once_t *once, void (*run)(void)) { return pthread_once_old(once, run); }
int __wrap_pthread_key_create(pthread_key_t *key, void (*destroy)(void *)) { return pthread_key_create_old(key, destroy); }
// libstdc++'s test "are threads linked in" (a weak reference): the same function.
int __wrap___pthread_key_create(pthread_key_t *key, void (*destroy)(void *)) { return pthread_key_create_old(key, destroy); }
int __wrap_pthread_setspecific(pthread_key_t key, const void *value) { return pthread_setspecific_old(key, value); }
int __wrap_pthread_setname_np(pthread_t thread, const char *name) { return pthread_setname_np_old(thread, name); }
int __wrap_pthread_sigmask(int how, const sigset_t *set, sigset_t *old) { return pthread_sigmask_old(how, set, old); }
int __wrap_pthread_getattr_np(pthread_t thread, pthread_attr_t *attributes) { return pthread_getattr_np_old(thread, attributes); }
int __wrap_pthread_getaffinity_np(pthread_t thread, size_t size, cpu_set_t *set) { return pthread_getaffinity_np_old(thread, size, set); }
int __wrap_pthread_attr_getstack(const pthread_attr_t *attributes, void **stack, size_t *size) {
    return pthread_attr_getstack_old(attributes, stack, size);
}
int __wrap_pthread_mutexattr_init(pthread_mutexattr_t *attributes) { return pthread_mutexattr_init_old(attributes); }
int __wrap_pthread_mutexattr_destroy(pthread_mutexattr_t *attributes) { return pthread_mutexattr_destroy_old(attributes); }
int __wrap_pthread_mutexattr_settype(pthread_mutexattr_t *attributes, int kind) { return pthread_mutexattr_settype_old(attributes, kind); }
int __wrap_sem_init(sem_t *semaphore, int shared, unsigned value) { return sem_init_old(semaphore, shared, value); }
int __wrap_sem_destroy(sem_t *semaphore) { return sem_destroy_old(semaphore); }
int __wrap_sem_wait(sem_t *semaphore) { return sem_wait_old(semaphore); }
int __wrap_sem_timedwait(sem_t *semaphore, const struct timespec *deadline) { return sem_timedwait_old(semaphore, deadline); }
int __wrap_sem_post(sem_t *semaphore) { return sem_post_old(semaphore); }
sem_t *__wrap_sem_open(const char *name, int flags, ...) {
    if (!(flags & O_CREAT)) return sem_open_old(name, flags);
    va_list more;
    va_start(more, flags);
    mode_t mode = va_arg(more, mode_t);
    unsigned value = va_arg(more, unsigned);
    va_end(more);
    return sem_open_old(name, flags, mode, value);
}
void *__wrap_dlopen(const char *file, int mode) { return dlopen_old(file, mode); }
void *__wrap_dlsym(void *handle, const char *name) { return dlsym_old(handle, name); }
char *__wrap_dlerror(void) { return dlerror_old(); }
int __wrap_dladdr(const void *address, Dl_info *info) { return dladdr_old(address, info); }

// MARK: stat, fstat, lstat: functions since glibc 2.33, before it __xstat and kin.
#if __GLIBC_PREREQ(2, 33)
extern int xstat_old(int, const char *, struct stat *);
extern int fxstat_old(int, int, struct stat *);
extern int lxstat_old(int, const char *, struct stat *);
__asm__(".symver xstat_old, __xstat@" BASE);
__asm__(".symver fxstat_old, __fxstat@" BASE);
__asm__(".symver lxstat_old, __lxstat@" BASE);
int __wrap_stat(const char *path, struct stat *status) { return xstat_old(STAT_VERSION, path, status); }
int __wrap_fstat(int descriptor, struct stat *status) { return fxstat_old(STAT_VERSION, descriptor, status); }
int __wrap_lstat(const char *path, struct stat *status) { return lxstat_old(STAT_VERSION, path, status); }
#else
int __wrap_stat(const char *path, struct stat *status) { return stat(path, status); }
int __wrap_fstat(int descriptor, struct stat *status) { return fstat(descriptor, status); }
int __wrap_lstat(const char *path, struct stat *status) { return lstat(path, status); }
#endif

// MARK: Program start: __libc_start_main's old version runs the program's constructors only
// through the `init` it is given (glibc 2.34's start files pass none and let the new version find
// them), so this one passes a function that runs them: _init, then .init_array in order.
typedef int (*MainFunction)(int, char **, char **);
typedef void (*Constructor)(int, char **, char **);
extern int libc_start_main_old(MainFunction, int, char **, Constructor, void (*)(void), void (*)(void), void *);
#if __GLIBC_PREREQ(2, 34)
__asm__(".symver libc_start_main_old, __libc_start_main@" BASE);
#else
__asm__(".set libc_start_main_old, __libc_start_main");
#endif
extern void _init(void);
extern Constructor __init_array_start[];
extern Constructor __init_array_end[];

static void run_constructors(int argc, char **argv, char **environment) {
    _init();
    for (Constructor *each = __init_array_start; each < __init_array_end; each++) (*each)(argc, argv, environment);
}

int __wrap___libc_start_main(MainFunction main, int argc, char **argv, Constructor init, void (*fini)(void),
                             void (*loaderFini)(void), void *stackEnd) {
    (void)init;
    (void)fini;
    return libc_start_main_old(main, argc, argv, run_constructors, NULL, loaderFini, stackEnd);
}

// MARK: Whether the process has one thread (libstdc++ skips atomic operations when it has):
// glibc 2.32's variable. "Never" is always correct, only slower.
char __wrap___libc_single_threaded = 0;

// MARK: hypotf: glibc 2.35 gave it a new version (faster, same results within an ulp).
extern float hypotf_old(float, float);
#if __GLIBC_PREREQ(2, 35)
__asm__(".symver hypotf_old, hypotf@" BASE);
#else
__asm__(".set hypotf_old, hypotf");
#endif
float __wrap_hypotf(float x, float y) { return hypotf_old(x, y); }

// MARK: arc4random (glibc 2.36): 32 random bits from the kernel's generator.
uint32_t __wrap_arc4random(void) {
    uint32_t value;
    size_t filled = 0;
    while (filled < sizeof value) {
        ssize_t got = getrandom((char *)&value + filled, sizeof value - filled, 0);
        if (got > 0) {
            filled += (size_t)got;
        } else if (got < 0 && errno != EINTR) {
            abort();  // as glibc's arc4random: no kernel generator (Linux before 3.17) is fatal
        }
    }
    return value;
}

// MARK: _dl_find_object (glibc 2.35), which libgcc's unwinder asks for the unwind table of the
// object holding an address: found by walking the loaded objects' program headers instead.
#if defined(DLFO_STRUCT_HAS_EH_DBASE)
struct Search {
    uintptr_t address;
    struct dl_find_object *result;
};

static int searchObject(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct Search *search = data;
    uintptr_t low = UINTPTR_MAX, high = 0;
    const void *unwindTable = NULL;
    int holds = 0;
    for (int index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        uintptr_t start = info->dlpi_addr + header->p_vaddr;
        if (header->p_type == PT_LOAD) {
            uintptr_t end = start + header->p_memsz;
            if (start < low) low = start;
            if (end > high) high = end;
            if (search->address >= start && search->address < end) holds = 1;
        } else if (header->p_type == PT_GNU_EH_FRAME) {
            unwindTable = (const void *)start;
        }
    }
    if (!holds) return 0;
    struct dl_find_object *result = search->result;
    result->dlfo_flags = 0;
    result->dlfo_map_start = (void *)low;
    result->dlfo_map_end = (void *)high;
    result->dlfo_link_map = NULL;
    result->dlfo_eh_frame = (void *)unwindTable;
#if DLFO_STRUCT_HAS_EH_DBASE
    result->dlfo_eh_dbase = NULL;
#endif
    return 1;
}

int __wrap__dl_find_object(void *address, struct dl_find_object *result) {
    struct Search search = { (uintptr_t)address, result };
    return dl_iterate_phdr(searchObject, &search) ? 0 : -1;
}
#endif
#endif
