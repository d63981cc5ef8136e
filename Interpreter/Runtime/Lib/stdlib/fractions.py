"""Rational numbers (Lbbv's fractions, written for Lbbv): Fraction with CPython's arithmetic,
comparisons (exact, floats included), hashing, reprs and parsing."""

import math as _math
import sys as _sys

__all__ = ["Fraction"]

_PyHASH_MODULUS = 2305843009213693951  # sys.hash_info.modulus
_PyHASH_INF = 314159  # sys.hash_info.inf


def _parse(text):
    """(numerator, denominator) of '3/4', '-1.5', '2e-3', ' 7 '; ValueError otherwise."""
    s = text.strip().replace("_", "")
    num, slash, den = s.partition("/")
    sign = 1
    body = num
    if body[:1] in "+-" and body:
        if body[0] == "-":
            sign = -1
        body = body[1:]
    if slash:
        if not body.isdigit() or not den.strip().isdigit() or den != den.strip():
            raise ValueError("Invalid literal for Fraction: %r" % (text,))
        return sign * int(body), int(den)
    mantissa, e, exponent = body.lower().partition("e")
    whole, dot, frac = mantissa.partition(".")
    if not (whole + frac).isdigit() or (e and not exponent.lstrip("+-").isdigit()):
        raise ValueError("Invalid literal for Fraction: %r" % (text,))
    n = int(whole + frac) if whole + frac else 0
    d = 10 ** len(frac)
    if e:
        exp = int(exponent)
        if exp >= 0:
            n *= 10 ** exp
        else:
            d *= 10 ** -exp
    return sign * n, d


class Fraction:
    """A rational number numerator/denominator in lowest terms (denominator > 0)."""

    __slots__ = ("_numerator", "_denominator")

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, bool):
                self._numerator = int(numerator)
                self._denominator = 1
                return
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return
            if isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return
            if isinstance(numerator, str):
                numerator, denominator = _parse(numerator)
            elif hasattr(numerator, "as_integer_ratio"):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            n1, d1 = (numerator._numerator, numerator._denominator) if isinstance(numerator, Fraction) else (int(numerator), 1)
            n2, d2 = (denominator._numerator, denominator._denominator) if isinstance(denominator, Fraction) else (int(denominator), 1)
            numerator, denominator = n1 * d2, d1 * n2
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator

    @staticmethod
    def _new(numerator, denominator):
        """The normalized Fraction numerator/denominator (arithmetic results are Fractions, even
        for subclasses, as in CPython)."""
        return Fraction(numerator, denominator)

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        raise TypeError("decimal.Decimal is not supported by Lbbv")

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._new(p1, q1)
        return Fraction._new(p0 + k * p1, q0 + k * q1)

    def __repr__(self):
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # ---- arithmetic: Fraction op Fraction/int gives a Fraction, op float gives a float

    def _operands(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __add__(a, b):
        ob = a._operands(b)
        if ob is not None:
            return Fraction._new(a._numerator * ob[1] + ob[0] * a._denominator, a._denominator * ob[1])
        if isinstance(b, float):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        oa = b._operands(a)
        if oa is not None:
            return Fraction._new(oa[0] * b._denominator + b._numerator * oa[1], oa[1] * b._denominator)
        if isinstance(a, float):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        ob = a._operands(b)
        if ob is not None:
            return Fraction._new(a._numerator * ob[1] - ob[0] * a._denominator, a._denominator * ob[1])
        if isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        oa = b._operands(a)
        if oa is not None:
            return Fraction._new(oa[0] * b._denominator - b._numerator * oa[1], oa[1] * b._denominator)
        if isinstance(a, float):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        ob = a._operands(b)
        if ob is not None:
            return Fraction._new(a._numerator * ob[0], a._denominator * ob[1])
        if isinstance(b, float):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        oa = b._operands(a)
        if oa is not None:
            return Fraction._new(oa[0] * b._numerator, oa[1] * b._denominator)
        if isinstance(a, float):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        ob = a._operands(b)
        if ob is not None:
            if ob[0] == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (a._numerator * ob[1]))
            return Fraction._new(a._numerator * ob[1], a._denominator * ob[0])
        if isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        oa = b._operands(a)
        if oa is not None:
            if b._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (oa[0] * b._denominator))
            return Fraction._new(oa[0] * b._denominator, oa[1] * b._numerator)
        if isinstance(a, float):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        ob = a._operands(b)
        if ob is not None:
            return (a._numerator * ob[1]) // (a._denominator * ob[0])
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        oa = b._operands(a)
        if oa is not None:
            return (oa[0] * b._denominator) // (oa[1] * b._numerator)
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __divmod__(a, b):
        ob = a._operands(b)
        if ob is not None:
            div, n_mod = divmod(a._numerator * ob[1], a._denominator * ob[0])
            return div, Fraction._new(n_mod, a._denominator * ob[1])
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        oa = b._operands(a)
        if oa is not None:
            div, n_mod = divmod(oa[0] * b._denominator, oa[1] * b._numerator)
            return div, Fraction._new(n_mod, oa[1] * b._denominator)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __mod__(a, b):
        ob = a._operands(b)
        if ob is not None:
            return Fraction._new((a._numerator * ob[1]) % (ob[0] * a._denominator), a._denominator * ob[1])
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        oa = b._operands(a)
        if oa is not None:
            return Fraction._new((oa[0] * b._denominator) % (b._numerator * oa[1]), oa[1] * b._denominator)
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __pow__(a, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = int(b) if isinstance(b, int) else b._numerator
            if power >= 0:
                return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
            if a._numerator == 0:
                raise ZeroDivisionError("Fraction(%s, 0)" % (a._denominator ** -power))
            if a._numerator > 0:
                return Fraction(a._denominator ** -power, a._numerator ** -power, _normalize=False)
            return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power, _normalize=False)
        if isinstance(b, (float, Fraction)):
            return float(a) ** float(b)
        return NotImplemented

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction(a) ** b
        return a ** float(b)

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        return a._numerator / a._denominator

    def __hash__(self):
        if self._denominator % _PyHASH_MODULUS == 0:
            hash_ = _PyHASH_INF
        else:
            dinv = pow(self._denominator, _PyHASH_MODULUS - 2, _PyHASH_MODULUS)
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._numerator == b and a._denominator == 1
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            on, od = (other._numerator, other._denominator) if isinstance(other, Fraction) else (other, 1)
            return op(self._numerator * od, self._denominator * on)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        return a._richcmp(b, _gt)

    def __le__(a, b):
        return a._richcmp(b, _le)

    def __ge__(a, b):
        return a._richcmp(b, _ge)

    def __bool__(a):
        return bool(a._numerator)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b
