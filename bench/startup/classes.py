# A short script with a few functions and classes, each called a handful of times.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def __repr__(self):
        return "Account(%r, %d)" % (self.owner, self.balance)


class Savings(Account):
    rate = 3

    def interest(self):
        return self.balance * self.rate // 100


def total(accounts):
    return sum(a.balance for a in accounts)


def richest(accounts):
    best = accounts[0]
    for a in accounts:
        if a.balance > best.balance:
            best = a
    return best


accounts = [Account("ann", 10), Savings("bob", 200), Account("cy")]
for i, a in enumerate(accounts):
    a.deposit(i * 7)
print(accounts, total(accounts), richest(accounts).owner)
print(accounts[1].interest(), isinstance(accounts[1], Account))
