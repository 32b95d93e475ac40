"""Chapter 13's reference: an LSTM (nn.LSTMCell) and a tanh RNN (nn.RNNCell) run forward and
backward in numpy, written from the textbook equations, independent of the core. Reads a JSON model
(the weights and inputs the chapter draws, which are inputs here, not results) from stdin with a list
of step counts, and prints for each T the norms at t = 0 of dL/dc_0, dL/dh_0, dL/dh_0 with every
c_{t-1} held constant in c_t, and the RNN's dL/dh_0, for L = sum(h_T), h_0 = c_0 = 0; with the
cell line alone (the product of the forget gates times dL/dc_T), L, the forget gates' mean and range,
the first unit's dL/dc_0, the largest |h_T| and the RNN's mean tanh' slope."""
import json
import sys

import numpy as np

spec = json.load(sys.stdin)
sig = lambda a: 1.0 / (1.0 + np.exp(-a))


def lstm(model, xs):
    W, U, b = np.array(model["weightIh"]), np.array(model["weightHh"]), np.array(model["biasIh"]) + np.array(model["biasHh"])
    H = U.shape[1]
    h, c = np.zeros(H), np.zeros(H)
    tape = []
    for x in xs:
        a = W @ x + U @ h + b
        i, f, g, o = sig(a[:H]), sig(a[H:2 * H]), np.tanh(a[2 * H:3 * H]), sig(a[3 * H:])
        cn = f * c + i * g
        hn = o * np.tanh(cn)
        tape.append((h, c, i, f, g, o, cn))
        h, c = hn, cn
    return U, H, tape


def lstm_backward(model, xs, cut):
    U, H, tape = lstm(model, xs)
    dh, dc = np.ones(H), np.zeros(H)
    for (h, c, i, f, g, o, cn) in reversed(tape):
        th = np.tanh(cn)
        dct = (0 if cut else dc) + dh * o * (1 - th ** 2)
        da = np.concatenate([dct * g * i * (1 - i), dct * c * f * (1 - f), dct * i * (1 - g ** 2), dh * th * o * (1 - o)])
        dh, dc = U.T @ da, dct * f
    return np.linalg.norm(dc), np.linalg.norm(dh), dc[0]


def cell_line(model, xs):
    """The cell line alone, (prod_t f_t) * dL/dc_T, with dL/dc_T = o_T tanh'(c_T) for L = sum(h_T);
    the loss L; every forget gate's value; and |c_T|."""
    _, H, tape = lstm(model, xs)
    fs = np.array([f for (_, _, _, f, _, _, _) in tape])
    (_, _, _, _, _, o, cT) = tape[-1]
    dcT = o * (1 - np.tanh(cT) ** 2)
    return {"line": float(np.linalg.norm(np.prod(fs, axis=0) * dcT)), "dcT": float(np.linalg.norm(dcT)),
            "loss": float(np.sum(o * np.tanh(cT))), "fMean": float(fs.mean()), "fMin": float(fs.min()), "fMax": float(fs.max()),
            "cMax": float(np.abs(cT).max()), "hMax": float(np.abs(o * np.tanh(cT)).max())}


def rnn_backward(model, xs):
    W, U, b = np.array(model["weightIh"]), np.array(model["weightHh"]), np.array(model["biasIh"]) + np.array(model["biasHh"])
    h = np.zeros(U.shape[0])
    outs = []
    for x in xs:
        h = np.tanh(W @ x + U @ h + b)
        outs.append(h)
    dh = np.ones(U.shape[0])
    for hn in reversed(outs):
        dh = U.T @ (dh * (1 - hn ** 2))
    # the mean slope tanh'(a) = 1 - h^2 over every step and unit: how saturated the units are
    return np.linalg.norm(dh), float(np.mean(1 - np.array(outs) ** 2))


result = []
for T in spec["steps"]:
    xs = np.array(spec["xs"][:T])
    dc0, dh0, dc00 = lstm_backward(spec["lstm"], xs, False)
    _, cut0, _ = lstm_backward(spec["lstm"], xs, True)
    rnn0, rnn_slope = rnn_backward(spec["rnn"], xs)
    result.append({"T": T, "cell": dc0, "hidden": dh0, "cut": cut0, "rnn": rnn0, "rnnSlope": rnn_slope, "dc00": float(dc00),
                   **cell_line(spec["lstm"], xs)})
print(json.dumps(result))
