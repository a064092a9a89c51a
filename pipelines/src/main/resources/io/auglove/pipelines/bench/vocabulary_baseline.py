"""The vocabulary front end as a researcher writes it today with pandas, numpy and scikit-learn.

The Python baseline that `./auglove bench` times against the Java pipeline: the same five stages
as ReadOpenFace -> FilterConfidence -> Downsample5fps -> AssignCluster -> WindowCooccur (see
DESIGN.md, "The method, exactly"), written plainly, run with Debian's python3-pandas and
python3-sklearn (/usr/bin/python3; no pip). Given centres and cluster counts, it gives the same
sequences, tokens and co-occurrence counts as the Java pipeline on the same files.

Stages, each timed with time.perf_counter():

  read        every *.csv and *.csv.gz under --input (at any depth, sorted by path), each read
              with pandas.read_csv(path, skipinitialspace=True, usecols=...) converting only the
              needed columns (pandas still splits every field of a 714-column file). A row is
              dropped (counted in "rejected_rows") when a needed value is not a finite number,
              success is not 0 or 1, confidence is outside 0..1, an AU intensity is outside 0..5,
              or its timestamp is not after every earlier kept row of the same face. One track
              per face_id per file (one track when the file has no face_id column).
  filter      success == 1 and confidence >= --min-confidence (compared in float32, as the Java
              pipeline stores confidences).
  downsample  5 fps: timestamps in whole microseconds (round half up); a gap between consecutive
              frames of a track longer than --max-gap-seconds starts a new sequence; each frame
              belongs to tick k = ceil((t - 0.1 s) / 0.2 s), i.e. the window (k*0.2 - 0.1,
              k*0.2 + 0.1]; each tick keeps its frame nearest to k*0.2 s, the earlier of two equally
              near; a tick without frames keeps none.
  assign      sklearn KMeans.predict with the given centres as cluster_centers_ (AUs as float32,
              as the Java pipeline holds them); a frame is <unk> when its Euclidean distance to
              that centre (as float32) is > --distance-threshold, or its cluster's count in
              --counts is <= --count-threshold (a cluster the counts file does not list counts 0;
              without --counts, a cluster's count is the number of this corpus's frames nearest
              to it, as the Java pipeline counts them then).
              An empty centre (a row of empty fields) keeps its id and gets no frames. Each
              sequence becomes <START> c<id>|<unk> ... <END>.
  cooccur     for every pair of positions i < j with j - i <= --window in one sequence (<START>
              and <END> included), X[a][b] += 1 and X[b][a] += 1: a loop over sequences and
              offsets, np.add.at on a dense V x V matrix.

Files: --centroids is a bundle's centroids.csv (header cluster_id,AU01_r,...) or a headerless k x 17
CSV; --counts a cluster_id,count CSV with or without a header (a bundle's cluster_counts.csv).

Vocabulary order (token ids): <unk> 0, <END> 1, <START> 2, c0 3, c1 4, ..., c<k-1> k+2, i.e. the
Java Tokens code + 3. The checksum is sum over nonzero cells of X[a][b] * (a * 1000003 + b), in
exact integers, mod 2**61; it is computable from a bundle's vocab.tsv and cooccurrence.tsv with
the same ids.

Output, one JSON object written to --output:

  {"mode", "files", "raw_rows", "rejected_rows", "kept_frames" (after filter), "sequences",
   "tokens" (5 fps frames), "positions" (tokens + <START>/<END>), "unknown",
   "unknown_by_distance", "unknown_by_count", "pairs_total" (sum of X), "nonzero", "checksum",
   "seconds": {"read", "filter", "downsample", "assign", "cooccur", "total"}, "max_rss_bytes",
   "python", "pandas", "numpy", "sklearn"}

--mode=read-only runs the read stage alone (files, raw_rows, rejected_rows, seconds.read and
rows_per_second). Not handled as the Java reader does: rows with more fields than the header
(pandas stops), gzip content under a name without .gz, and a timestamp that jumps ahead and is
contradicted by the next rows (here the rows after it are dropped; Java drops the jump).
"""

import argparse
import json
import os
import platform
import resource
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans

AUS = ["AU01", "AU02", "AU04", "AU05", "AU06", "AU07", "AU09", "AU10", "AU12", "AU14", "AU15",
       "AU17", "AU20", "AU23", "AU25", "AU26", "AU45"]
AU_COLUMNS = [au + "_r" for au in AUS]
TICK_MICROS = 200_000
HALF_TICK_MICROS = TICK_MICROS // 2
SPECIALS = ["<unk>", "<END>", "<START>"]
UNK, END, START = 0, 1, 2
CHECKSUM_MULTIPLIER = 1_000_003
CHECKSUM_MODULUS = 2 ** 61


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True, help="folder of OpenFace CSVs")
    parser.add_argument("--centroids", help="centroids CSV (needed unless --mode=read-only)")
    parser.add_argument("--counts", help="cluster counts CSV (none: the counts of this corpus)")
    parser.add_argument("--min-confidence", type=float, default=0.9)
    parser.add_argument("--max-gap-seconds", type=float, default=2.0)
    parser.add_argument("--distance-threshold", type=float, default=1.75)
    parser.add_argument("--count-threshold", type=int, default=500)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--mode", choices=["full", "read-only"], default="full")
    parser.add_argument("--output", required=True, help="JSON file to write")
    args = parser.parse_args()
    if args.mode == "full" and args.centroids is None:
        parser.error("--centroids is needed unless --mode=read-only")
    return args


def micros(seconds):
    """Seconds as whole microseconds, rounded half up (Java's Math.round)."""
    return np.floor(np.asarray(seconds, dtype=np.float64) * 1e6 + 0.5).astype(np.int64)


def list_files(folder):
    files = []
    for root, _, names in os.walk(folder, followlinks=True):
        for name in names:
            lower = name.lower()
            if lower.endswith(".csv") or lower.endswith(".csv.gz"):
                files.append(os.path.join(root, name))
    return sorted(files)


def read_file(path, track_offset):
    """One file's valid rows (needed columns, a track column) and its raw row count."""
    wanted = {"face_id", "timestamp", "confidence", "success", *AU_COLUMNS}
    df = pd.read_csv(path, skipinitialspace=True, usecols=lambda c: c.strip() in wanted)
    df.columns = df.columns.str.strip()
    raw = len(df)
    needed = ["timestamp", "confidence", "success"] + AU_COLUMNS
    has_face = "face_id" in df.columns
    if has_face:
        needed = ["face_id"] + needed
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise SystemExit(f"{path}: no column {missing[0]}")
    frame = df[needed].apply(pd.to_numeric, errors="coerce")
    values = frame.to_numpy(dtype=np.float64)
    aus = frame[AU_COLUMNS]
    ok = (np.isfinite(values).all(axis=1)
          & frame["success"].isin([0, 1]).to_numpy()
          & frame["confidence"].between(0, 1).to_numpy()
          & ((aus >= 0) & (aus <= 5)).all(axis=1).to_numpy())
    frame = frame[ok]
    face = frame["face_id"].astype(np.int64) if has_face else pd.Series(0, index=frame.index)
    # Time order per face: a row must come after every earlier row of its face.
    latest = frame["timestamp"].groupby(face).cummax().groupby(face).shift()
    in_order = latest.isna() | (frame["timestamp"] > latest)
    frame = frame[in_order.to_numpy()]
    face = face[in_order.to_numpy()]
    faces = np.unique(face.to_numpy())
    frame = frame.drop(columns=["face_id"], errors="ignore")
    frame.insert(0, "track", track_offset + np.searchsorted(faces, face.to_numpy()))
    return frame, raw, len(faces)


def read_stage(folder):
    files = list_files(folder)
    if not files:
        raise SystemExit(f"no *.csv or *.csv.gz under {folder}")
    frames, raw_rows, tracks = [], 0, 0
    for path in files:
        frame, raw, faces = read_file(path, tracks)
        frames.append(frame)
        raw_rows += raw
        tracks += faces
    data = pd.concat(frames, ignore_index=True)
    # Each track's rows in time order (a face's rows may be interleaved with other faces').
    data = data.sort_values(["track", "timestamp"], kind="stable", ignore_index=True)
    return data, len(files), raw_rows


def filter_stage(data, min_confidence):
    keep = (data["success"] == 1) & (
        data["confidence"].astype(np.float32) >= np.float32(min_confidence))
    return data[keep].reset_index(drop=True)


def downsample_stage(data, max_gap_seconds):
    t = micros(data["timestamp"].to_numpy())
    track = data["track"].to_numpy()
    new_track = np.r_[True, track[1:] != track[:-1]]
    gap = np.r_[True, (t[1:] - t[:-1]) > micros(max_gap_seconds)]
    data = data.assign(
        sequence=np.cumsum(new_track | gap) - 1,
        tick=-np.floor_divide(HALF_TICK_MICROS - t, TICK_MICROS))
    data["distance"] = np.abs(t - data["tick"].to_numpy() * TICK_MICROS)
    # idxmin takes the first of equal minima: the earlier frame.
    nearest = data.groupby(["sequence", "tick"], sort=False)["distance"].idxmin()
    return data.loc[np.sort(nearest.to_numpy())].reset_index(drop=True)


def read_centroids(path):
    first = open(path).readline()
    header = 0 if first.startswith("cluster_id") else None
    table = pd.read_csv(path, header=header, skipinitialspace=True)
    if header == 0:
        table = table.drop(columns=["cluster_id"])
    centres = table.to_numpy(dtype=np.float64).astype(np.float32)
    if centres.shape[1] != len(AUS):
        raise SystemExit(f"{path}: expected {len(AUS)} values per centre, "
                         f"found {centres.shape[1]}")
    return centres


def read_counts(path, k):
    table = pd.read_csv(path, header=None, names=["cluster_id", "count"], skipinitialspace=True,
                        dtype=str)
    table = table[table["cluster_id"].str.strip().str.isdigit()].astype(np.int64)
    counts = np.zeros(k, dtype=np.int64)
    counts[table["cluster_id"].to_numpy()] = table["count"].to_numpy()
    return counts


def assign_stage(data, centroids_path, counts_path, distance_threshold, count_threshold):
    centres = read_centroids(centroids_path)
    k = len(centres)
    present = np.flatnonzero(~np.isnan(centres).any(axis=1))  # empty centres get no frames
    given = centres[present].astype(np.float64)
    kmeans = KMeans(n_clusters=len(given), init=given, n_init=1, max_iter=1).fit(given)
    kmeans.cluster_centers_ = given
    x = data[AU_COLUMNS].to_numpy(dtype=np.float32).astype(np.float64)
    labels = present[kmeans.predict(x)]
    if counts_path:
        counts = read_counts(counts_path, k)
    else:
        counts = np.bincount(labels, minlength=k)
    distance = np.linalg.norm(x - centres[labels].astype(np.float64), axis=1).astype(np.float32)
    far = distance > distance_threshold
    rare = ~far & (counts[labels] <= count_threshold)
    token = np.where(far | rare, UNK, labels + len(SPECIALS))
    sequence = data["sequence"].to_numpy()
    starts = np.flatnonzero(np.r_[True, sequence[1:] != sequence[:-1]])
    sequences = [np.r_[START, part, END] for part in np.split(token, starts[1:])]
    return sequences, k, int(far.sum()), int(rare.sum())


def cooccur_stage(sequences, vocabulary_size, window):
    x = np.zeros((vocabulary_size, vocabulary_size), dtype=np.int64)
    for tokens in sequences:
        for offset in range(1, min(window, len(tokens) - 1) + 1):
            a, b = tokens[:-offset], tokens[offset:]
            np.add.at(x, (a, b), 1)
            np.add.at(x, (b, a), 1)
    return x


def checksum(x):
    total = 0
    for a, b in zip(*np.nonzero(x)):
        total += int(x[a, b]) * (int(a) * CHECKSUM_MULTIPLIER + int(b))
    return total % CHECKSUM_MODULUS


def main():
    args = parse_args()
    seconds = {}
    result = {"mode": args.mode}
    begin = time.perf_counter()

    start = time.perf_counter()
    data, files, raw_rows = read_stage(args.input)
    seconds["read"] = time.perf_counter() - start
    result.update(files=files, raw_rows=raw_rows, rejected_rows=raw_rows - len(data))
    if args.mode == "read-only":
        result["rows_per_second"] = raw_rows / max(seconds["read"], 1e-9)
    else:
        start = time.perf_counter()
        data = filter_stage(data, args.min_confidence)
        seconds["filter"] = time.perf_counter() - start

        start = time.perf_counter()
        kept_frames = len(data)
        data = downsample_stage(data, args.max_gap_seconds)
        seconds["downsample"] = time.perf_counter() - start

        start = time.perf_counter()
        sequences, k, by_distance, by_count = assign_stage(
            data, args.centroids, args.counts, args.distance_threshold, args.count_threshold)
        seconds["assign"] = time.perf_counter() - start

        start = time.perf_counter()
        x = cooccur_stage(sequences, k + len(SPECIALS), args.window)
        seconds["cooccur"] = time.perf_counter() - start

        result.update(
            kept_frames=kept_frames,
            sequences=len(sequences),
            tokens=len(data),
            positions=len(data) + 2 * len(sequences),
            unknown=by_distance + by_count,
            unknown_by_distance=by_distance,
            unknown_by_count=by_count,
            pairs_total=int(x.sum()),
            nonzero=int(np.count_nonzero(x)),
            checksum=checksum(x))
    seconds["total"] = time.perf_counter() - begin
    result["seconds"] = seconds
    result["max_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result.update(python=platform.python_version(), pandas=pd.__version__,
                  numpy=np.__version__, sklearn=sklearn.__version__)
    with open(args.output, "w") as out:
        json.dump(result, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    sys.exit(main())
