// What a fresh page costs on this machine: maps N pages and writes one byte to each.
//   gcc -O2 -o /tmp/page_touch bench/startup/page_touch.c
//   hyperfine -N -w 5 -r 30 '/tmp/page_touch 10' '/tmp/page_touch 1000' '/tmp/page_touch 5000'
// The difference between two runs over the difference in pages is the cost of one page fault
// (bench/README.md, "Page faults at start-up and in the runtime").
#include <stdlib.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    long pages = argc > 1 ? atol(argv[1]) : 1000;
    char *p = mmap(0, pages * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return 1;
    for (long i = 0; i < pages; i++) p[i * 4096] = 1;
    return 0;
}
