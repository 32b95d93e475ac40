#!/usr/bin/env python3
"""Reference values for crossEntropyHessian and crossEntropyThirdDerivative (tests/core).

Writes crossEntropyHessian.json next to this file. Run from anywhere: python3 crossEntropyHessian.py
(needs mpmath; made with mpmath 1.3.0). The output is committed; the tests only read it.

Independent of src/core: the issue's formulas are evaluated literally, with none of the core's
rearrangements,
    H_ij  = d_ij p_i - p_i p_j
    T_ijk = d_ij p_i (d_ik - p_k) - p_i (d_ik - p_k) p_j - p_i p_j (d_jk - p_k),
p_k = 1 / sum_j exp(z_j - z_k), with z the exact double values. Literal formulas cancel (p - p^2
at p = 1 - e^-20000), so the working precision is 50 digits plus the digits the spread of the logits
can cancel (spread / ln 10); every value is recomputed with 40 more digits and must agree to 45
significant digits, or the precision goes up by 40 digits and both are computed again (1 - 2 p_0 can
cancel further than the spread predicts). Values are written to 30 digits.

An entry counts as a cancellation when its terms, in absolute value, add to more than CANCELLATION
times the entry (or the entry is 0 and they are not): the tests then accept an error up to 1e-14 of
the largest entry of the array instead of 1e-12 of the entry (the issue's tolerance).
"""

import json
import math
import os
import re

import mpmath
from mpmath import mp, mpf

CANCELLATION = 10

# (name, z): hand-picked to cover what the issue promises. Every z is a list of doubles.
CASES = [
    ('one class', [3.0]),
    ('two equal logits at 1e4: every third derivative is exactly 0', [1e4, 1e4]),
    ('two nearly equal logits', [0.0, 1e-6]),
    ('logits +1e4 and -1e4: e^-20000 is below the float64 range', [1e4, -1e4]),
    ('the worked example', [2.0, 3.0, 4.0]),
    ('nearly equal logits at 1e4, a third far below', [1e4, 1e4 - 2.0**-20, 1e4 - 35]),
    ('p_0 = 1/2 up to rounding: e^z1 + e^z2 = 1 cancels in 1 - 2 p_0', [0.0, math.log1p(-math.exp(-20)), -20.0]),
    ('one dominant logit', [40.0, 0.0, -1.0, 2.0]),
    ('four classes at +-1e4', [1e4, -1e4, 9990.0, 1e4 - 0.5]),
    ('eight classes', [0.5, -1.25, 3.0, 2.75, -7.0, 0.0, 0.001, 4.0]),
    ('eight classes, p_0 = 1/2 up to rounding', [math.log(7)] + [0.0] * 7),
    ('eight classes at +-1e4', [1e4, -1e4, 1e4 - 1, 0.0, 9999.5, -9999.0, 1e4 - 1e-9, 5000.0]),
]


def probabilities(z):
    zs = [mpf(v) for v in z]  # mpf(float) is the exact value of the double
    return [1 / mpmath.fsum(mpmath.exp(zj - zk) for zj in zs) for zk in zs]


def delta(a, b):
    return 1 if a == b else 0


def hessian_terms(p, i, j):
    return [delta(i, j) * p[i], -p[i] * p[j]]


def third_terms(p, i, j, k):
    return [
        delta(i, j) * p[i] * (delta(i, k) - p[k]),
        -p[i] * (delta(i, k) - p[k]) * p[j],
        -p[i] * p[j] * (delta(j, k) - p[k]),
    ]


def evaluate(z, digits):
    """Every entry of H and T with the sum of its terms' magnitudes, at `digits` significant digits."""
    with mp.workdps(digits):
        p = probabilities(z)
        n = len(z)
        h = [[hessian_terms(p, i, j) for j in range(n)] for i in range(n)]
        t = [[[third_terms(p, i, j, k) for k in range(n)] for j in range(n)] for i in range(n)]
        total = lambda terms: (mpmath.fsum(terms), mpmath.fsum(abs(x) for x in terms))
        return (
            [[total(e) for e in row] for row in h],
            [[[total(e) for e in row] for row in plane] for plane in t],
        )


def agrees(a, b):
    if a == b:
        return True
    return abs(a - b) <= mpf(10) ** -45 * max(abs(a), abs(b))


def flatten(array, depth):
    return [x for sub in array for x in flatten(sub, depth - 1)] if depth else [array]


def case(name, z):
    spread = max(z) - min(z)
    digits = 50 + int(math.ceil(spread / math.log(10))) + 10
    while True:
        h, t = evaluate(z, digits)
        h2, t2 = evaluate(z, digits + 40)
        with mp.workdps(digits + 40):
            pairs = zip(flatten(h, 2) + flatten(t, 3), flatten(h2, 2) + flatten(t2, 3))
            if all(agrees(a, b) for (a, _), (b, _) in pairs):
                break
        digits += 40  # a cancellation the spread did not predict (1 - 2 p near 0): more digits

    def cancels(value, magnitude):
        return magnitude > 0 and (value == 0 or magnitude > CANCELLATION * abs(value))

    def entry(pair):
        with mp.workdps(40):
            return mpmath.nstr(+pair[0], 30, min_fixed=0, max_fixed=0)  # +x: rounded to 40 digits first

    n = len(z)
    return {
        'name': name,
        'z': z,
        'hessian': [[entry(e) for e in row] for row in h],
        'hessianCancellations': [[i, j] for i in range(n) for j in range(n) if cancels(*h[i][j])],
        'third': [[[entry(e) for e in row] for row in plane] for plane in t],
        'thirdCancellations': [
            [i, j, k] for i in range(n) for j in range(n) for k in range(n) if cancels(*t[i][j][k])
        ],
    }


def main():
    data = {
        'madeBy': 'tests/core/reference/crossEntropyHessian.py (mpmath %s)' % mpmath.__version__,
        'cancellation': CANCELLATION,
        'cases': [case(name, z) for name, z in CASES],
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'crossEntropyHessian.json')
    text = json.dumps(data, indent=1, ensure_ascii=False)
    # one line per innermost row of numbers or strings, so the file stays short and reads as arrays
    text = re.sub(r'\[\n\s*([^\[\]{}]*?)\n\s*\]', lambda m: '[' + re.sub(r',\n\s*', ', ', m.group(1)) + ']', text)
    with open(out, 'w') as f:
        f.write(text + '\n')


if __name__ == '__main__':
    main()
