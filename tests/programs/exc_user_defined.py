# user-defined exceptions with state, raised across functions
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + ", have " + str(available))
        self.needed = needed
        self.available = available
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance
acct = Account(100)
for amt in [30, 50, 40, 20]:
    try:
        print("left", acct.withdraw(amt))
    except InsufficientFunds as e:
        print("failed:", e, "| short by", e.needed - e.available)
class ValidationError(ValueError):
    pass
def validate(rec):
    errors = []
    for field in ["name", "age"]:
        try:
            if field not in rec:
                raise ValidationError("missing " + field)
            if field == "age" and rec[field] < 0:
                raise ValidationError("negative age")
        except ValidationError as e:
            errors.append(str(e))
    return errors
print(validate({"name": "a", "age": 3}), validate({"age": -1}), validate({}))
class StopProcessing(Exception):
    pass
def process(items):
    out = []
    for it in items:
        if it is None:
            raise StopProcessing(len(out))
        out.append(it * 2)
    return out
try:
    process([1, 2, None, 4])
except StopProcessing as e:
    print("stopped after", e.args[0])
def deep(n):
    if n == 0:
        raise InsufficientFunds(1, 0)
    return deep(n - 1)
try:
    deep(50)
except Exception as e:
    print(type(e).__name__, e)
