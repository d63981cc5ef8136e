# Objects in lists, written for docs/LINKING.md in a style the other programs lack: a scene of
# shapes of five classes in one list (each method call site sees every class, in an order that
# changes every frame), attributes whose values change type (an int position turns float after a
# move by a fraction, a size turns None when a shape is hidden, a tag is a str or a tuple), and
# small per-frame lists of tuples built, sorted and dropped.
class Shape:
    def __init__(self, x, y, size):
        self.x = x
        self.y = y
        self.size = size
        self.tag = "s"

    def move(self, dx, dy):
        self.x += dx
        self.y += dy

    def visible(self):
        return self.size is not None


class Square(Shape):
    def area(self):
        return self.size * self.size


class Circle(Shape):
    def area(self):
        return 3 * self.size * self.size


class Triangle(Shape):
    def area(self):
        return self.size * self.size // 2


class Ring(Circle):
    def area(self):
        inner = self.size // 2
        return 3 * (self.size * self.size - inner * inner)


class Group(Shape):
    def __init__(self, x, y, members):
        Shape.__init__(self, x, y, len(members))
        self.members = members
        self.tag = ("g", len(members))

    def area(self):
        total = 0
        for m in self.members:
            if m.visible():
                total += m.area()
        return total


def make_scene(n):
    kinds = [Square, Circle, Triangle, Ring]
    scene = []
    for i in range(n):
        if i % 9 == 8:
            scene.append(Group(i, -i, [kinds[j % 4](j, j, j % 7 + 1) for j in range(i % 5 + 2)]))
        else:
            scene.append(kinds[(i * 7) % 4](i % 13, i % 17, i % 11 + 1))
    return scene


def frame(scene, t):
    total = 0
    hidden = 0
    for s in scene:
        if t % 5 == 0:
            s.move(1, -1)          # ints stay ints
        elif t % 5 == 3:
            s.move(0.5, 0.25)      # positions turn float
        if s.visible():
            total += s.area()
        else:
            hidden += 1
    return total, hidden


def toggle(scene, t):
    # Hides one shape in seven (its size becomes None) and shows the ones hidden before.
    for i in range(t % 7, len(scene), 7):
        s = scene[i]
        if s.size is None:
            s.size = i % 11 + 1
        elif not isinstance(s, Group):
            s.size = None


def ranking(scene):
    keyed = []
    for s in scene:
        weight = s.area() if s.visible() else -1
        keyed.append((weight, s.tag if isinstance(s.tag, str) else s.tag[0], round(s.x + s.y, 2)))
    keyed.sort()
    return keyed[0], keyed[-1], len(keyed)


def main():
    scene = make_scene(400)
    checksum = 0
    for t in range(400):
        total, hidden = frame(scene, t)
        checksum = (checksum * 31 + total + hidden) % 1000000007
        if t % 10 == 9:
            toggle(scene, t)
            scene.append(scene.pop(0))  # the order of classes at the call sites changes
        if t % 100 == 99:
            print(t, total, hidden, ranking(scene))
    x = sum(s.x for s in scene)
    print("checksum", checksum, "x", round(x, 2))


main()
