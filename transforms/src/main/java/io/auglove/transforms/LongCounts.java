package io.auglove.transforms;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Counts keyed by long, in an open-addressing table of primitives: the per-bundle accumulator of
 * co-occurrence windows, where a boxed map would allocate for every pair. Not thread-safe.
 */
final class LongCounts {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private long[] counts;
  private int size;

  LongCounts() {
    this(64);
  }

  /** An empty table of {@code capacity} slots, a power of two. */
  private LongCounts(int capacity) {
    keys = new long[capacity];
    counts = new long[capacity];
    Arrays.fill(keys, EMPTY);
  }

  /** Adds {@code delta} to the count of {@code key} (which must not be {@link Long#MIN_VALUE}). */
  void add(long key, long delta) {
    int slot = slot(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      counts[slot] = delta;
      if (++size * 2 > keys.length) {
        grow();
      }
    } else {
      counts[slot] = Math.addExact(counts[slot], delta);
    }
  }

  /** Adds every count of {@code other}. */
  void addAll(LongCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        add(other.keys[i], other.counts[i]);
      }
    }
  }

  int size() {
    return size;
  }

  /** The keys in increasing order. */
  long[] sortedKeys() {
    long[] sorted = new long[size];
    int n = 0;
    for (long key : keys) {
      if (key != EMPTY) {
        sorted[n++] = key;
      }
    }
    Arrays.sort(sorted);
    return sorted;
  }

  /** The bytes {@link #writeTo} writes. */
  int encodedLength() {
    return Integer.BYTES + size * 2 * Long.BYTES;
  }

  /**
   * Writes the number of keys, then each key and its count in the order of the table: no sort, so
   * equal counts may be written in different orders (the order of the additions decides).
   */
  void writeTo(ByteBuffer buffer) {
    buffer.putInt(size);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        buffer.putLong(keys[i]);
        buffer.putLong(counts[i]);
      }
    }
  }

  /** The counts {@link #writeTo} wrote, in a table sized for them. */
  static LongCounts readFrom(ByteBuffer buffer) {
    int size = buffer.getInt();
    // at most half full, as add keeps it
    LongCounts read = new LongCounts(Math.max(64, Integer.highestOneBit(Math.max(1, size)) * 4));
    for (int n = 0; n < size; n++) {
      read.add(buffer.getLong(), buffer.getLong());
    }
    return read;
  }

  /** The count of {@code key}, 0 if absent. */
  long get(long key) {
    int slot = slot(key);
    return keys[slot] == EMPTY ? 0 : counts[slot];
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }

  /** A 64-bit finaliser (from SplitMix64) so that packed pairs spread over the table. */
  private static long mix(long key) {
    long z = key * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
