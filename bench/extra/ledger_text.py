# Another style: a ledger of accounts kept as dicts of dicts, entries kept as lists edited through
# slice assignment (insert, replace a run, drop a run), balances that start as ints, turn into
# floats when interest is paid and grow into big integers when a rate compounds them, and a report
# built up as a string piece by piece (`+=`, `%` formatting, `str.join`, `rjust`). Written for issue
# 19's "no program slower" check: none of bench/programs keeps its data or builds its text this way.

def lcg(k):
    return (k * 1103515245 + 12345) % 2147483648


def new_account(name, seed):
    return {"name": name, "balance": 0, "entries": [], "flags": {}, "seed": seed}


def post(acct, amount):
    acct["balance"] = acct["balance"] + amount
    entries = acct["entries"]
    if len(entries) >= 8:
        # keep the last six entries and put the new one in front of them: slice assignment
        entries[0:len(entries) - 6] = [amount]
    else:
        entries.append(amount)


def pay_interest(acct, rate):
    b = acct["balance"]
    if isinstance(b, int) and b > 0:
        acct["balance"] = b + b * rate / 1000.0
        acct["flags"]["interest"] = acct["flags"].get("interest", 0) + 1


def compound(acct, times):
    # a float balance goes back to an int, which then grows past 64 bits
    b = int(acct["balance"])
    for _ in range(times):
        b = b * 3 + 7
    acct["balance"] = b
    acct["flags"]["compounded"] = True


def settle(acct):
    b = acct["balance"]
    if isinstance(b, float):
        acct["balance"] = round(b)
    elif b > 10 ** 18:
        acct["balance"] = b % 1000003
        acct["flags"]["folded"] = acct["flags"].get("folded", 0) + 1


def window_sum(entries):
    s = 0
    for e in entries:
        s += e
    return s


def line_for(acct):
    e = acct["entries"]
    head = e[:3]
    tail = e[-2:]
    text = acct["name"].ljust(8) + "|"
    for v in head:
        text += str(v).rjust(6)
    text += " .."
    for v in tail:
        text += "%6d" % v
    return text + "| " + str(window_sum(e))


def build_report(accounts, order):
    parts = []
    for name in order:
        parts.append(line_for(accounts[name]))
    return "\n".join(parts)


names = ["acct%02d" % i for i in range(24)]
accounts = {}
for i in range(len(names)):
    accounts[names[i]] = new_account(names[i], i * 7919 + 1)

k = 12345
digest = 0
longest = 0
for rnd in range(260):
    for name in names:
        acct = accounts[name]
        k = lcg(k)
        post(acct, k % 500 - 200)
        if k % 11 == 0:
            pay_interest(acct, 15 + k % 30)
        if k % 97 == 0:
            compound(acct, 40 + k % 20)
        settle(acct)
    if rnd % 13 == 0:
        order = sorted(names, key=lambda n: (len(accounts[n]["entries"]), n))
        report = build_report(accounts, order)
        longest = max(longest, len(report))
        for ch in report:
            digest = (digest * 31 + ord(ch)) % 1000000007

print(digest, longest)
total = 0
for name in names:
    b = accounts[name]["balance"]
    total += b
print(total)
print(sorted((n, sorted(a["flags"].items())) for n, a in accounts.items())[:3])
print(line_for(accounts["acct05"]))
