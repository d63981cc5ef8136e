# Orders kept as dicts and lists, processed by many short functions called from several places
# (no classes, few loops per function): the style of a script, not of a numeric kernel. Written
# to check the tracer's function-entry traces outside the suite they were developed on.

def make_item(sku, price, qty):
    return {"sku": sku, "price": price, "qty": qty}

def item_total(item):
    return item["price"] * item["qty"]

def discount_for(customer, total):
    if customer["tier"] == "gold":
        return total // 10
    if customer["tier"] == "silver" and total > 500:
        return total // 20
    return 0

def tax(amount, region):
    if region == "north":
        return amount * 7 // 100
    return amount * 5 // 100

def order_total(order, customer):
    subtotal = 0
    for item in order["items"]:
        subtotal += item_total(item)
    after = subtotal - discount_for(customer, subtotal)
    return after + tax(after, customer["region"])

def new_order(n, seed):
    items = []
    k = seed
    for j in range(n):
        k = (k * 1103515245 + 12345) % 2147483648
        items.append(make_item("s" + str(k % 50), 5 + k % 200, 1 + k % 4))
    return {"id": seed, "items": items}

def bump_stats(stats, key, amount):
    stats[key] = stats.get(key, 0) + amount

def record(stats, order, customer):
    t = order_total(order, customer)
    bump_stats(stats, customer["tier"], t)
    bump_stats(stats, customer["region"], t)
    bump_stats(stats, "orders", 1)
    if t > 1500:
        bump_stats(stats, "big", 1)
    return t

customers = [
    {"name": "ann", "tier": "gold", "region": "north"},
    {"name": "bob", "tier": "silver", "region": "south"},
    {"name": "cyd", "tier": "basic", "region": "north"},
    {"name": "dee", "tier": "silver", "region": "north"},
    {"name": "eve", "tier": "basic", "region": "south"},
]

stats = {}
grand = 0
orders = [new_order(3 + s % 6, s) for s in range(400)]
for rnd in range(300):
    for i in range(len(orders)):
        grand += record(stats, orders[i], customers[(i + rnd) % len(customers)])
print(grand)
print(sorted(stats.items()))
