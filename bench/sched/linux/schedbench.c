// The Linux baseline for bench/sched: the guest's operations done with the host's threads,
// pinned to one CPU, in time-stamp-counter cycles (median of ROUNDS rounds). Prints the
// guest's line format: "bench <name> <cycles per operation> min <..> max <..>".
// Built by the harness: gcc -O2 -pthread schedbench.c -o schedbench
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <time.h>
#include <x86intrin.h>

#define ROUNDS 7
#define HANDOFFS 1000
#define SLEEP_US 10

static uint64_t now(void) { return __rdtsc(); }

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *name, const uint64_t *cycles, double operations)
{
    double per[ROUNDS];
    for (int i = 0; i < ROUNDS; i++)
        per[i] = cycles[i] / operations;
    qsort(per, ROUNDS, sizeof per[0], compare);
    printf("bench %s %.1f min %.1f max %.1f\n", name, per[ROUNDS / 2], per[0], per[ROUNDS - 1]);
}

static void fail(const char *what)
{
    perror(what);
    exit(2);
}

static pthread_t start(void *(*body)(void *), void *argument)
{
    pthread_t thread;
    int error = pthread_create(&thread, NULL, body, argument);
    if (error != 0)
    {
        fprintf(stderr, "pthread_create: %s\n", strerror(error));
        exit(2);
    }
    return thread;
}

// A plain call that the compiler may neither inline nor drop.
__attribute__((noipa)) static int next(int value) { return value + 1; }

static volatile int sink;

static void call(void)
{
    enum { CALLS = 100000 };
    uint64_t cycles[ROUNDS];
    for (int round = 0; round < ROUNDS; round++)
    {
        int value = sink;
        uint64_t begin = now();
        for (int i = 0; i < CALLS; i++)
            value = next(value);
        cycles[round] = now() - begin;
        sink = value;
    }
    report("call", cycles, CALLS);
}

static void *empty(void *argument) { return argument; }

static void create_join(void)
{
    enum { THREADS = 50 };
    uint64_t cycles[ROUNDS];
    pthread_join(start(empty, NULL), NULL); // warm-up: the first stack mapping
    for (int round = 0; round < ROUNDS; round++)
    {
        uint64_t begin = now();
        for (int i = 0; i < THREADS; i++)
            pthread_join(start(empty, NULL), NULL);
        cycles[round] = now() - begin;
    }
    report("create-join", cycles, THREADS);
}

static void mutex_uncontended(void)
{
    enum { PAIRS = 20000 };
    pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
    uint64_t cycles[ROUNDS];
    for (int round = 0; round < ROUNDS; round++)
    {
        uint64_t begin = now();
        for (int i = 0; i < PAIRS; i++)
        {
            pthread_mutex_lock(&mutex);
            pthread_mutex_unlock(&mutex);
        }
        cycles[round] = now() - begin;
    }
    report("mutex", cycles, PAIRS);
}

static atomic_int stop_yielding;

static void *yielder(void *argument)
{
    while (!atomic_load_explicit(&stop_yielding, memory_order_relaxed))
        sched_yield();
    return argument;
}

static long context_switches(void)
{
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        fail("getrusage");
    return usage.ru_nvcsw + usage.ru_nivcsw;
}

// Main and a partner on the same CPU both loop on sched_yield; reported per context switch
// (getrusage's voluntary + involuntary switches of the process), as the guest reports per switch.
static void yield(void)
{
    enum { YIELDS = 2000 };
    uint64_t cycles[ROUNDS];
    long switches = 0;
    atomic_store(&stop_yielding, 0);
    pthread_t partner = start(yielder, NULL);
    sched_yield();
    for (int round = 0; round < ROUNDS; round++)
    {
        long before = context_switches();
        uint64_t begin = now();
        for (int i = 0; i < YIELDS; i++)
            sched_yield();
        cycles[round] = now() - begin;
        switches = context_switches() - before;
    }
    atomic_store(&stop_yielding, 1);
    pthread_join(partner, NULL);
    report("yield", cycles, switches > 0 ? switches : YIELDS);
    printf("bench yield-switches %ld context switches per %d sched_yield calls of main\n", switches, YIELDS);
}

static sem_t ping, pong;

static void *ping_body(void *argument)
{
    for (int i = 0; i < HANDOFFS; i++)
    {
        sem_wait(&ping);
        sem_post(&pong);
    }
    return argument;
}

static void *pong_body(void *argument)
{
    for (int i = 0; i < HANDOFFS; i++)
    {
        sem_wait(&pong);
        sem_post(&ping);
    }
    return argument;
}

// POSIX semaphores (futexes) between two threads on one CPU, as the guest's Semaphore ping-pong.
static void semaphore_handoff(void)
{
    uint64_t cycles[ROUNDS];
    for (int round = 0; round < ROUNDS; round++)
    {
        sem_init(&ping, 0, 0);
        sem_init(&pong, 0, 0);
        pthread_t a = start(ping_body, NULL), b = start(pong_body, NULL);
        struct timespec settle = { 0, 2000000 };
        nanosleep(&settle, NULL); // both threads reach their first sem_wait and block
        uint64_t begin = now();
        sem_post(&ping);
        pthread_join(a, NULL);
        pthread_join(b, NULL);
        cycles[round] = now() - begin;
        sem_destroy(&ping);
        sem_destroy(&pong);
    }
    report("semaphore-handoff", cycles, 2.0 * HANDOFFS);
}

static pthread_mutex_t contended = PTHREAD_MUTEX_INITIALIZER;

static void *lock_unlock_body(void *argument)
{
    for (int i = 0; i < HANDOFFS; i++)
    {
        pthread_mutex_lock(&contended);
        pthread_mutex_unlock(&contended);
    }
    return argument;
}

// The guest's mutex handoff workload: two threads on one CPU loop lock/unlock on one mutex.
// glibc lets the unlocking thread take the mutex again at once (no handoff), so this counts
// lock+unlock pairs under contention rather than switches.
static void mutex_contended(void)
{
    uint64_t cycles[ROUNDS];
    for (int round = 0; round < ROUNDS; round++)
    {
        pthread_mutex_lock(&contended);
        pthread_t a = start(lock_unlock_body, NULL), b = start(lock_unlock_body, NULL);
        struct timespec settle = { 0, 2000000 };
        nanosleep(&settle, NULL); // both threads block in their first lock
        uint64_t begin = now();
        pthread_mutex_unlock(&contended);
        pthread_join(a, NULL);
        pthread_join(b, NULL);
        cycles[round] = now() - begin;
    }
    report("mutex-handoff", cycles, 2.0 * HANDOFFS);
}

// clock_nanosleep for SLEEP_US with the timer slack at 1 ns (the default 50 us would dominate).
static void sleep_round_trip(void)
{
    enum { SLEEPS = 20 };
    char name[32];
    snprintf(name, sizeof name, "sleep-%dus", SLEEP_US);
    if (prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0) != 0)
        fail("prctl(PR_SET_TIMERSLACK)");
    uint64_t cycles[ROUNDS];
    struct timespec length = { 0, SLEEP_US * 1000L };
    for (int round = 0; round < ROUNDS; round++)
    {
        uint64_t begin = now();
        for (int i = 0; i < SLEEPS; i++)
            clock_nanosleep(CLOCK_MONOTONIC, 0, &length, NULL);
        cycles[round] = now() - begin;
    }
    report(name, cycles, SLEEPS);
}

// TSC cycles per second against CLOCK_MONOTONIC over 100 ms, to turn sleep lengths into cycles.
static void tsc_rate(void)
{
    struct timespec a, b, pause = { 0, 100000000 };
    clock_gettime(CLOCK_MONOTONIC, &a);
    uint64_t begin = now();
    nanosleep(&pause, NULL);
    uint64_t end = now();
    clock_gettime(CLOCK_MONOTONIC, &b);
    double seconds = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("bench tsc-hz %.0f\n", (end - begin) / seconds);
}

int main(void)
{
    cpu_set_t one;
    CPU_ZERO(&one);
    int cpu = sched_getcpu();
    CPU_SET(cpu < 0 ? 0 : cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) // threads created later inherit it
        fail("sched_setaffinity");
    printf("bench policy linux, pinned to cpu %d\n", cpu < 0 ? 0 : cpu);
    call();
    create_join();
    mutex_uncontended();
    yield();
    semaphore_handoff();
    mutex_contended();
    sleep_round_trip();
    tsc_rate();
    printf("bench done\n");
    return 0;
}
