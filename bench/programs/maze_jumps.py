# Advent of Code 2017 day 5 ("A Maze of Twisty Trampolines"): follow jump offsets until
# leaving the list; part 1 increments each offset after use, part 2 decrements offsets of
# three or more. The input list is generated with a small LCG.
def make_offsets(n, seed):
    offsets = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        offsets.append(2 - (x >> 8) % (i + 3))
    return offsets

def part1(offsets):
    jumps = list(offsets)
    pc = 0
    steps = 0
    n = len(jumps)
    while 0 <= pc < n:
        off = jumps[pc]
        jumps[pc] = off + 1
        pc += off
        steps += 1
    return steps

def part2(offsets):
    jumps = list(offsets)
    pc = 0
    steps = 0
    n = len(jumps)
    while 0 <= pc < n:
        off = jumps[pc]
        if off >= 3:
            jumps[pc] = off - 1
        else:
            jumps[pc] = off + 1
        pc += off
        steps += 1
    return steps

offsets = make_offsets(750, 20171205)
print(len(offsets), sum(offsets), min(offsets), max(offsets))
print(part1(offsets), part2(offsets))
