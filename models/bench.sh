#!/usr/bin/env bash
# k-means and GloVe benchmarks against their Python baselines (scikit-learn, numba), in one run on the
# same data: ./models/bench.sh kmeans [name=value ...] | glove [name=value ...]
# Needs Debian's python3-sklearn and python3-numba (apt-get install -y python3-sklearn python3-numba).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
case "${1:-}" in
  kmeans) main=io.auglove.models.bench.KMeansBench ;;
  glove) main=io.auglove.models.bench.GloveBench ;;
  *) echo "usage: models/bench.sh kmeans|glove [name=value ...]" >&2; exit 2 ;;
esac
shift
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
# PyTorch gets one intra-op thread per call: the benchmark's own threads (one per core) share the chunks.
exec java -Xmx12g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
  -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" "$main" "$@"
