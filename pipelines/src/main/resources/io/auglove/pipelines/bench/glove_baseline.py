"""numba baseline of the GloVe figures of `auglove bench --fits` (GloveFigures): the AdaGrad loop of glove.c,
compiled by numba.

Reads the co-occurrence entries the Java side wrote (rows, columns: int32 .npy; values: float64 .npy),
shuffles them once (glove.c trains on a file shuffled once), trains `epochs` epochs in float64 on one
thread with glove.c's update (AdaGrad accumulators from 1, scaled gradients, clipping at 100), and
writes one JSON object to --output: seconds per epoch (the pass and the exact loss J / nnz after it, as
the Java side counts an epoch) and that loss.
Run with Debian's interpreter: /usr/bin/python3 (python3-numba).
"""
import argparse
import json
import time

import numba
import numpy as np
from numba import njit


@njit(cache=False)
def clip(value):
    return max(-100.0, min(100.0, value))


@njit(cache=False)
def residual(i, j, log_value, w, c, bw, bc):
    """w_i . c_j + b_i + b_j - log X_ij of one entry."""
    diff = bw[i] + bc[j] - log_value
    for k in range(w.shape[1]):
        diff += w[i, k] * c[j, k]
    return diff


@njit(cache=False)
def epoch(rows, cols, logs, weights, w, c, bw, bc, gw, gc, gbw, gbc, eta):
    d = w.shape[1]
    for n in range(rows.shape[0]):
        i = rows[n]
        j = cols[n]
        fdiff = weights[n] * residual(i, j, logs[n], w, c, bw, bc)
        for k in range(d):
            word_step = eta * clip(fdiff * c[j, k])
            context_step = eta * clip(fdiff * w[i, k])
            w[i, k] -= word_step / np.sqrt(gw[i, k])
            c[j, k] -= context_step / np.sqrt(gc[j, k])
            gw[i, k] += word_step * word_step
            gc[j, k] += context_step * context_step
        bias_step = eta * clip(fdiff)
        bw[i] -= bias_step / np.sqrt(gbw[i])
        bc[j] -= bias_step / np.sqrt(gbc[j])
        gbw[i] += bias_step * bias_step
        gbc[j] += bias_step * bias_step


@njit(cache=False)
def loss(rows, cols, logs, weights, w, c, bw, bc):
    total = 0.0
    for n in range(rows.shape[0]):
        diff = residual(rows[n], cols[n], logs[n], w, c, bw, bc)
        total += weights[n] * diff * diff
    return total / rows.shape[0]


def train(rows, cols, values, vocabulary, dimension, epochs, seed, x_max=100.0, alpha=0.75, eta=0.05):
    rng = np.random.default_rng(seed)
    order = rng.permutation(rows.shape[0])
    rows, cols, values = rows[order], cols[order], values[order]
    logs = np.log(values)
    weights = np.minimum(1.0, (values / x_max) ** alpha)
    w = (rng.random((vocabulary, dimension)) - 0.5) / dimension
    c = (rng.random((vocabulary, dimension)) - 0.5) / dimension
    bw = (rng.random(vocabulary) - 0.5) / dimension
    bc = (rng.random(vocabulary) - 0.5) / dimension
    gw, gc = np.ones_like(w), np.ones_like(c)
    gbw, gbc = np.ones_like(bw), np.ones_like(bc)
    seconds, losses = [], []
    for _ in range(epochs):
        # an epoch as the Java side counts it: the pass, then the exact loss of its parameters
        start = time.perf_counter()
        epoch(rows, cols, logs, weights, w, c, bw, bc, gw, gc, gbw, gbc, eta)
        losses.append(loss(rows, cols, logs, weights, w, c, bw, bc))
        seconds.append(time.perf_counter() - start)
    return seconds, losses


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", required=True)
    parser.add_argument("--columns", required=True)
    parser.add_argument("--values", required=True)
    parser.add_argument("--vocabulary", type=int, required=True)
    parser.add_argument("--dimensions", default="50,200")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", required=True, help="JSON file to write")
    args = parser.parse_args()
    numba.set_num_threads(1)
    rows, cols, values = np.load(args.rows), np.load(args.columns), np.load(args.values)
    # compile once on a few entries, so that no epoch pays for it
    train(rows[:10], cols[:10], values[:10], args.vocabulary, 2, 1, args.seed)
    out = {"numba": numba.__version__, "entries": int(rows.shape[0]), "results": []}
    for dimension in [int(d) for d in args.dimensions.split(",")]:
        seconds, losses = train(rows, cols, values, args.vocabulary, dimension, args.epochs, args.seed)
        out["results"].append({"dimension": dimension, "seconds": seconds, "losses": losses})
    with open(args.output, "w") as output:
        json.dump(out, output)


if __name__ == "__main__":
    main()
