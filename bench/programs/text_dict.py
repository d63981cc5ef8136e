# text processing with dicts and strings: generate text from a word list with an LCG,
# count words and bigrams in dicts, split/join/format a report.
WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
         "exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure "
         "in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
         "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est "
         "laborum").split()

def generate(n_lines, words_per_line, seed):
    lines = []
    x = seed
    nw = len(WORDS)
    for i in range(n_lines):
        parts = []
        for j in range(words_per_line):
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF
            w = WORDS[(x >> 8) % nw]
            if (x >> 4) % 11 == 0:
                w = w.upper()
            parts.append(w)
        lines.append(" ".join(parts) + ("." if i % 3 == 0 else ","))
    return "\n".join(lines)

def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for w in line.strip(".,").split():
            w = w.lower()
            counts[w] = counts.get(w, 0) + 1
    return counts

def count_bigrams(text):
    bigrams = {}
    for line in text.split("\n"):
        ws = line.strip(".,").lower().split()
        for i in range(len(ws) - 1):
            key = ws[i] + " " + ws[i + 1]
            if key in bigrams:
                bigrams[key] += 1
            else:
                bigrams[key] = 1
    return bigrams

def report(counts, top):
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    rows = []
    for rank, (w, c) in enumerate(items, 1):
        rows.append("{:>3}. {:<24}{:>7} {}".format(rank, w, c, "#" * (c * 40 // items[0][1])))
    return "\n".join(rows)

def checksum(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h

total_words = 0
digest = 0
for rnd in range(10):
    text = generate(8000, 12, 42 + rnd)
    words = count_words(text)
    bigrams = count_bigrams(text)
    rep = report(words, 10) + "\n" + report(bigrams, 10)
    total_words += sum(words.values())
    digest = (digest * 31 + checksum(rep) + len(bigrams)) & 0xFFFFFFFF
    if rnd == 0:
        print(rep.split("\n")[0])
        print(rep.split("\n")[10])
print(total_words, len(words), digest)
