// The Linux side of bench/blk: the same 4 KiB request pattern as the unikernel's guest
// (bench/blk/guest/BlockBench.cs), one request at a time with O_DIRECT so the page cache
// does not answer for the disk. Prints "BLK <test> <ops> <bytes> <nanoseconds>" per test.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BLOCK 4096

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

// xorshift64, seeded like the guest's, so both visit the same blocks in the same order.
static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x;
}

static int run(int fd, const char *name, int write, int random, uint64_t blocks, uint64_t ops, unsigned char *buffer)
{
    uint64_t state = 0x9E3779B97F4A7C15ull;
    uint64_t start = now_ns();
    for (uint64_t i = 0; i < ops; i++)
    {
        uint64_t block = random ? next_random(&state) % blocks : i % blocks;
        ssize_t done = write ? pwrite(fd, buffer, BLOCK, (off_t)(block * BLOCK)) : pread(fd, buffer, BLOCK, (off_t)(block * BLOCK));
        if (done != BLOCK)
        {
            printf("BLK-ERROR %s at block %llu\n", name, (unsigned long long)block);
            return 1;
        }
    }
    uint64_t elapsed = now_ns() - start;
    printf("BLK %s %llu %llu %llu\n", name, (unsigned long long)ops, (unsigned long long)(ops * BLOCK), (unsigned long long)elapsed);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4)
    {
        fprintf(stderr, "usage: blkbench <device> <sequential ops> <random ops>\n");
        return 2;
    }
    int fd = open(argv[1], O_RDWR | O_DIRECT);
    if (fd < 0)
    {
        perror(argv[1]);
        return 1;
    }
    uint64_t size = (uint64_t)lseek(fd, 0, SEEK_END);
    uint64_t blocks = size / BLOCK;
    uint64_t sequential = strtoull(argv[2], NULL, 10);
    uint64_t random = strtoull(argv[3], NULL, 10);
    unsigned char *buffer;
    if (posix_memalign((void **)&buffer, BLOCK, BLOCK) != 0)
        return 1;
    memset(buffer, 0x5A, BLOCK);
    int failed = 0;
    failed |= run(fd, "seq-write", 1, 0, blocks, sequential, buffer);
    failed |= run(fd, "seq-read", 0, 0, blocks, sequential, buffer);
    failed |= run(fd, "rand-write", 1, 1, blocks, random, buffer);
    failed |= run(fd, "rand-read", 0, 1, blocks, random, buffer);
    fsync(fd);
    printf("BLK done\n");
    return failed;
}
