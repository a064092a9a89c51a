/** Generated data for benchmarks and reference tests of the models, deterministic per seed. */
package io.auglove.models.bench;
