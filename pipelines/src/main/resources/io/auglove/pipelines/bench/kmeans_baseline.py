"""scikit-learn baseline of the k-means figures of `auglove bench --fits` (KMeansFigures), and the writer of
the reference inertias of the models' SklearnReferenceTest.

Reads the frames the Java side wrote (.npy, float32), and writes one JSON object to --output:
  speed:   one nearest-centre pass (KMeans.predict) and one Lloyd iteration from given centres
  quality: inertia of KMeans with scikit-learn's defaults (n_init=10 on 1.2, greedy k-means++)
Run with Debian's interpreter: /usr/bin/python3 (python3-sklearn).
"""
import argparse
import json
import time
import warnings

import numpy as np
import sklearn
from sklearn.cluster import KMeans


def inertia(x, centres, labels):
    diff = x.astype(np.float64) - centres.astype(np.float64)[labels]
    return float(np.einsum("ij,ij->", diff, diff))


def speed(frames, centres, iterations, repeats):
    k = centres.shape[0]
    fitted = KMeans(n_clusters=k, init=centres, n_init=1, max_iter=1, tol=0).fit(frames)
    predict = min(timed(lambda: fitted.predict(frames)) for _ in range(repeats))
    one = min(timed(lambda: fit_from(frames, centres, 1)) for _ in range(repeats))
    many = timed(lambda: fit_from(frames, centres, 1 + iterations))
    return {"predict_s": predict, "iteration_s": max(many - one, 0) / iterations}


def fit_from(frames, centres, max_iter):
    KMeans(n_clusters=centres.shape[0], init=centres, n_init=1, max_iter=max_iter, tol=0,
           algorithm="lloyd").fit(frames)


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def quality(frames, ks, seed):
    results = []
    for k in ks:
        start = time.perf_counter()
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(frames)
        seconds = time.perf_counter() - start
        results.append({"k": k, "inertia": inertia(frames, model.cluster_centers_, model.labels_),
                        "iterations": int(model.n_iter_), "seconds": seconds})
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", required=True)
    parser.add_argument("--centres")
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--quality-frames")
    parser.add_argument("--ks", default="")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", required=True, help="JSON file to write")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    out = {"sklearn": sklearn.__version__}
    if args.centres:
        frames = np.load(args.frames)
        out["speed"] = speed(frames, np.load(args.centres), args.iterations, args.repeats)
    if args.ks:
        frames = np.load(args.quality_frames or args.frames)
        out["quality"] = quality(frames, [int(k) for k in args.ks.split(",")], args.seed)
    with open(args.output, "w") as output:
        json.dump(out, output)


if __name__ == "__main__":
    main()
