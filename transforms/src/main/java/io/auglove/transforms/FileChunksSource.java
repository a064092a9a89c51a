package io.auglove.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * The files some patterns match, in path order, given a chunk at a time: a reader of this source
 * hands back, when asked to split, all but its first files of about {@code chunkBytes} together, as
 * a source still to read.
 *
 * <p>This bounds what the DirectRunner holds. It runs every bundle it has in the order they came,
 * so files given all at once are all parsed before the later steps catch up, and the whole corpus's
 * rows wait in memory; a source's remainder, on the other hand, it reads only once everything else
 * is done. Read a chunk at a time, a corpus of any size holds a few chunks of rows at once. A
 * runner that never asks to split reads every file all the same.
 *
 * <p>A pattern that has no wildcard must match a file, as in {@code FileIO.matchAll} with {@link
 * EmptyMatchTreatment#ALLOW_IF_WILDCARD}.
 */
final class FileChunksSource extends BoundedSource<MatchResult.Metadata> {

  private static final long serialVersionUID = 1L;

  private final ImmutableList<String> patterns;
  private final long chunkBytes;

  /** The files of this source, in path order; null until the patterns are matched. */
  private final ImmutableList<MatchResult.Metadata> files;

  /** What the patterns matched, once matched here: a runner asks for the size, then splits. */
  private transient ImmutableList<MatchResult.Metadata> matched;

  private FileChunksSource(
      ImmutableList<String> patterns, long chunkBytes, ImmutableList<MatchResult.Metadata> files) {
    this.patterns = patterns;
    this.chunkBytes = chunkBytes;
    this.files = files;
  }

  /** The files {@code patterns} match, read {@code chunkBytes} (> 0) at a time. */
  static FileChunksSource of(List<String> patterns, long chunkBytes) {
    checkArgument(!patterns.isEmpty(), "no file patterns");
    checkArgument(chunkBytes > 0, "chunkBytes must be > 0, got %s", chunkBytes);
    return new FileChunksSource(ImmutableList.copyOf(patterns), chunkBytes, null);
  }

  /** This source's files, matching the patterns first if they were not yet. */
  ImmutableList<MatchResult.Metadata> files() throws IOException {
    if (files != null) {
      return files;
    }
    if (matched == null) {
      List<MatchResult.Metadata> all = new ArrayList<>();
      for (MatchResult result :
          FileSystems.match(patterns, EmptyMatchTreatment.ALLOW_IF_WILDCARD)) {
        all.addAll(result.metadata()); // throws for a pattern without wildcards matching nothing
      }
      all.sort(Comparator.comparing(file -> file.resourceId().toString()));
      matched = ImmutableList.copyOf(all);
    }
    return matched;
  }

  private FileChunksSource withFiles(List<MatchResult.Metadata> part) {
    return new FileChunksSource(patterns, chunkBytes, ImmutableList.copyOf(part));
  }

  /** Consecutive runs of files of at least {@code desiredBundleSizeBytes} each (the last less). */
  @Override
  public List<FileChunksSource> split(long desiredBundleSizeBytes, PipelineOptions options)
      throws IOException {
    List<MatchResult.Metadata> all = files();
    List<FileChunksSource> parts = new ArrayList<>();
    int from = 0;
    do {
      int end = from + chunkEnd(all.subList(from, all.size()), desiredBundleSizeBytes);
      parts.add(withFiles(all.subList(from, end)));
      from = end;
    } while (from < all.size());
    return parts;
  }

  /** The files' bytes; at least 1, so that a runner that splits only sources with bytes asks. */
  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) throws IOException {
    long bytes = 0;
    for (MatchResult.Metadata file : files()) {
      bytes += file.sizeBytes();
    }
    return Math.max(1, bytes);
  }

  @Override
  public BoundedReader<MatchResult.Metadata> createReader(PipelineOptions options)
      throws IOException {
    return new ChunkReader(this, files());
  }

  @Override
  public Coder<MatchResult.Metadata> getOutputCoder() {
    return MetadataCoderV2.of();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("patterns", String.join(", ", patterns)))
        .add(DisplayData.item("chunkBytes", chunkBytes));
  }

  /** The number of the first {@code files} that first reach {@code chunkBytes} (all if none do). */
  static int chunkEnd(List<MatchResult.Metadata> files, long chunkBytes) {
    long bytes = 0;
    for (int i = 0; i < files.size(); i++) {
      bytes += files.get(i).sizeBytes();
      if (bytes >= chunkBytes) {
        return i + 1;
      }
    }
    return files.size();
  }

  /**
   * Gives a source's files one by one. Asked to split, it keeps what it has given and the rest of
   * its first chunk, and gives up the other files, whatever fraction it was asked for.
   *
   * <p>Giving a file costs next to nothing, so a reader would be past its first chunk long before
   * the DirectRunner's request to split, made from another thread as the read starts, comes in. At
   * the end of its first chunk the reader therefore waits for that request, for at most {@link
   * #SPLIT_WAIT_MILLIS}: a runner that never asks gets every file, a second late.
   */
  static final class ChunkReader extends BoundedReader<MatchResult.Metadata> {
    static final long SPLIT_WAIT_MILLIS = 1000;

    private final FileChunksSource source;
    private final List<MatchResult.Metadata> files;
    private final int firstChunkEnd;
    private int end;
    private int position = -1;

    /** The files given so far: those up to the current one. */
    private int given;

    private boolean splitAsked;

    ChunkReader(FileChunksSource source, List<MatchResult.Metadata> files) {
      this.source = source;
      this.files = files;
      this.firstChunkEnd = chunkEnd(files, source.chunkBytes);
      this.end = files.size();
    }

    @Override
    public synchronized boolean start() {
      position = 0;
      return give();
    }

    @Override
    public synchronized boolean advance() throws IOException {
      position++;
      if (position == firstChunkEnd && position < end && !splitAsked) {
        awaitSplit();
      }
      return give();
    }

    private boolean give() {
      if (position >= end) {
        return false;
      }
      given = position + 1;
      return true;
    }

    private void awaitSplit() throws IOException {
      long deadline = System.nanoTime() + SPLIT_WAIT_MILLIS * 1_000_000;
      try {
        for (long left = SPLIT_WAIT_MILLIS; !splitAsked && left > 0; ) {
          wait(left);
          left = (deadline - System.nanoTime()) / 1_000_000;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading the matched files", e);
      }
    }

    @Override
    public synchronized MatchResult.Metadata getCurrent() {
      if (position < 0 || position >= end) {
        throw new NoSuchElementException();
      }
      return files.get(position);
    }

    @Override
    public synchronized FileChunksSource getCurrentSource() {
      return source.withFiles(files.subList(0, end));
    }

    /** Of all the files this reader was made with, so below 1 while any is left to give up. */
    @Override
    public synchronized Double getFractionConsumed() {
      return files.isEmpty() ? 1.0 : given / (double) files.size();
    }

    @Override
    public synchronized FileChunksSource splitAtFraction(double fraction) {
      splitAsked = true;
      notifyAll();
      int cut = Math.max(firstChunkEnd, given);
      if (cut >= end) {
        return null;
      }
      FileChunksSource rest = source.withFiles(files.subList(cut, end));
      end = cut;
      return rest;
    }

    @Override
    public void close() {}
  }
}
