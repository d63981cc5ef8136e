# itertools.groupby with key=None, then with a key function: under the eager --max-versions 1
# stress setting the second call gave one group per item ([(1, 1), (3, 1), (2, 1), ...]).
# groupby._advance stores `self._pending = value`, a store that widens the slot's recorded type
# (from _MARKER's class to str, then int); the store's slow path rejoined the compiled code after
# the class-version check while the compiler counted the version as checked, so the loads after it
# were typed by the old shape. Fixed by LBBV's Emitter.Rejoin (commit 1e89fb5); mod_itertools.py
# had its two groupby lines swapped to hide it, this program keeps the failing order.
from itertools import groupby

print([(k, list(g)) for k, g in groupby("aaabccdd")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([(k, list(g)) for k, g in groupby([1, 1, 2, 2, 2, 1])])
print([(k, list(g)) for k, g in groupby(["ab", "ac", "b", "bc", "a"], key=lambda s: s[0])])
print([k for k, _ in groupby("aabbbc")], [k for k, _ in groupby(range(6), key=lambda x: x // 2)])
