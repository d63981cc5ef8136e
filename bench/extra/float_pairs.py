# Float pairs kept in tuples: indexed (`p[0] * p[0] + p[1] * p[1]`) and unpacked (`x, y = p`),
# the shapes tuple element kinds type (docs/LBBV.md "Tuple element kinds").


def make_points(n):
    return [(i * 0.25, (n - i) * 0.5) for i in range(n)]


def norms(points):
    total = 0.0
    for p in points:
        total += p[0] * p[0] + p[1] * p[1]
    return total


def centroid(points):
    sx = 0.0
    sy = 0.0
    for p in points:
        x, y = p
        sx += x
        sy += y
    return sx / len(points), sy / len(points)


def main():
    points = make_points(2000)
    acc = 0.0
    for _ in range(60):
        acc += norms(points)
        cx, cy = centroid(points)
        acc += cx - cy
    print(round(acc, 3))


main()
