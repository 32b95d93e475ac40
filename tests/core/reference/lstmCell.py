#!/usr/bin/env python3
"""Reference values for lstmCell (tests/core/lstm.test.ts).

Writes lstmCell.json next to this file. Run from anywhere: python3 lstmCell.py (needs mpmath; made
with mpmath 1.3.0). The output is committed; the tests only read it.

Independent of src/core: PyTorch's nn.LSTMCell formulas evaluated literally on the exact values of the
doubles, with none of the core's rearrangements (no compensated sums, no sigma(-a)),
    a = W_ih x + b_ih + W_hh h + b_hh,  gate rows in the order i, f, g, o,
    i, f, o = 1 / (1 + exp(-a)),  g = tanh(a),  c' = f c + i g,  h' = o tanh(c').
Every case is computed at 50 and at 90 digits, which must agree to 40 significant digits (the worst
cancellation here, 3 + 1e-17 - 3, costs 17 of them). Values are written to 30 digits, so Number(text)
is the exact value rounded once (values below the float64 range, e^-10000, round to 0).
"""

import json
import os
import re

import mpmath
from mpmath import mp, mpf


def grid(rows, cols, k):
    """A deterministic rows x cols matrix of multiples of 1/8 in [-9/8, 9/8], varied by k."""
    return [[((r * 7 + q * 5 + k * 3) % 19 - 9) / 8 for q in range(cols)] for r in range(rows)]


# (name, x, h, c, params): hand-picked to cover what the issue promises. Every number is a double.
CASES = [
    ('H = 1, I = 1, the case worked by hand in the tests',
     [1.0], [0.0], [0.5],
     {'weightIh': [[0.0], [2.0], [1.0], [-1.0]], 'weightHh': [[0.0], [0.0], [0.0], [0.0]],
      'biasIh': [0.0, 0.0, 0.0, 0.0], 'biasHh': [0.0, 0.0, 0.0, 1.0]}),
    ('all zeros: every gate 1/2 or 0, c\' = c / 2',
     [0.0, 0.0], [0.0, 0.0], [0.0, 0.75],
     {'weightIh': [[0.0, 0.0]] * 8, 'weightHh': [[0.0, 0.0]] * 8, 'biasIh': [0.0] * 8, 'biasHh': [0.0] * 8}),
    ('H = 3, I = 2',
     [0.5, -1.25], [0.25, -0.75, 1.0], [1.5, -0.5, 0.125],
     {'weightIh': grid(12, 2, 1), 'weightHh': grid(12, 3, 2),
      'biasIh': [((k * 11) % 7 - 3) / 4 for k in range(12)], 'biasHh': [((k * 5) % 9 - 4) / 16 for k in range(12)]}),
    ('pre-activations near +-1e4: gates saturate to 0 and 1',
     [1.0], [0.5, -0.5], [3.0, -2.0],
     {'weightIh': [[1e4], [-1e4], [-9999.5], [9999.0], [9999.0], [-1e4], [1e4], [-9990.0]],
      'weightHh': [[0.0, 0.0]] * 8,
      'biasIh': [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], 'biasHh': [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]}),
    ('a cancelling pre-activation: a_g = 3 + 1e-17 - 3 = 1e-17, so g and c\' are about 1e-17',
     [3.0, 1e-17], [0.0], [0.0],
     {'weightIh': [[0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [0.0, 0.0]], 'weightHh': [[0.0], [0.0], [0.0], [0.0]],
      'biasIh': [0.0, 0.0, -1.0, 0.0], 'biasHh': [0.0, 0.0, -2.0, 0.0]}),
]


def sigma(a):
    return 1 / (1 + mpmath.exp(-a))


def cell(x, h, c, p, digits):
    with mp.workdps(digits):
        n = len(p['biasIh']) // 4
        xs, hs, cs = [mpf(v) for v in x], [mpf(v) for v in h], [mpf(v) for v in c]
        a = [
            mpmath.fsum(mpf(w) * v for w, v in zip(p['weightIh'][r], xs)) + mpf(p['biasIh'][r])
            + mpmath.fsum(mpf(w) * v for w, v in zip(p['weightHh'][r], hs)) + mpf(p['biasHh'][r])
            for r in range(4 * n)
        ]
        i = [sigma(v) for v in a[0:n]]
        f = [sigma(v) for v in a[n:2 * n]]
        g = [mpmath.tanh(v) for v in a[2 * n:3 * n]]
        o = [sigma(v) for v in a[3 * n:]]
        c2 = [f[k] * cs[k] + i[k] * g[k] for k in range(n)]
        h2 = [o[k] * mpmath.tanh(c2[k]) for k in range(n)]
        return {'h': h2, 'c': c2, 'i': i, 'f': f, 'g': g, 'o': o}


def agrees(a, b):
    return a == b or abs(a - b) <= mpf(10) ** -40 * max(abs(a), abs(b))


def case(name, x, h, c, p):
    low, high = cell(x, h, c, p, 50), cell(x, h, c, p, 90)
    with mp.workdps(90):
        for key in low:
            assert all(agrees(u, v) for u, v in zip(low[key], high[key])), (name, key)
    with mp.workdps(50):
        out = {key: [mpmath.nstr(+v, 30, min_fixed=0, max_fixed=0) for v in values] for key, values in low.items()}
    return {'name': name, 'x': x, 'h': h, 'c': c, 'params': p, 'expected': out}


def main():
    data = {
        'madeBy': 'tests/core/reference/lstmCell.py (mpmath %s)' % mpmath.__version__,
        'cases': [case(*c) for c in CASES],
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lstmCell.json')
    text = json.dumps(data, indent=1, ensure_ascii=False)
    # one line per innermost row of numbers or strings, so the file stays short and reads as arrays
    text = re.sub(r'\[\n\s*([^\[\]{}]*?)\n\s*\]', lambda m: '[' + re.sub(r',\n\s*', ', ', m.group(1)) + ']', text)
    with open(out, 'w') as f:
        f.write(text + '\n')


if __name__ == '__main__':
    main()
