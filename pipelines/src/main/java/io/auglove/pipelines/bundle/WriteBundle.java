package io.auglove.pipelines.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import io.auglove.models.Centroids;
import io.auglove.pipelines.output.OutputManifest;
import io.auglove.transforms.ChooseK;
import io.auglove.transforms.GloveFit;
import io.auglove.transforms.records.AssignmentStats;
import io.auglove.transforms.records.ClusterCounts;
import io.auglove.transforms.records.CooccurrenceMatrix;
import io.auglove.transforms.records.FileReport;
import io.auglove.transforms.records.RejectedRow;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.RawUnionValue;
import org.apache.beam.sdk.transforms.join.UnionCoder;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a vocabulary bundle (see {@link BundleFiles}) into a folder from the vocabulary pipeline's
 * results, given as a {@link PCollectionTuple} under this class's tags: every file, each emitting
 * its name and SHA-256, then {@code manifest.json}, written last, from the sections and file
 * hashes. Its output is one element, the manifest's path, once everything is written.
 *
 * <pre>{@code
 * PCollectionTuple.of(WriteBundle.CENTROIDS, centroids).and(WriteBundle.MATRIX, matrix)...
 *     .apply("WriteBundle", WriteBundle.to(folder, facts));
 * }</pre>
 */
public final class WriteBundle extends PTransform<PCollectionTuple, PCollection<String>> {

  private static final Logger LOG = LoggerFactory.getLogger(WriteBundle.class);

  /** The vocabulary's centres, one element. */
  public static final TupleTag<Centroids> CENTROIDS = new TupleTag<Centroids>() {};

  /** The k-means sweep's choice, one element; absent when the centres were given. */
  public static final TupleTag<ChooseK.Choice> SWEEP = new TupleTag<ChooseK.Choice>() {};

  /** The counts the {@code <unk>} rule used, one element. */
  public static final TupleTag<ClusterCounts> COUNTS = new TupleTag<ClusterCounts>() {};

  /** The assignment's statistics, one element. */
  public static final TupleTag<AssignmentStats> STATS = new TupleTag<AssignmentStats>() {};

  /** The co-occurrence matrix, one element. */
  public static final TupleTag<CooccurrenceMatrix> MATRIX = new TupleTag<CooccurrenceMatrix>() {};

  /** One embedding per GloVe dimension. */
  public static final TupleTag<GloveFit.Embedding> EMBEDDINGS =
      new TupleTag<GloveFit.Embedding>() {};

  /** One report per input file. */
  public static final TupleTag<FileReport> REPORTS = new TupleTag<FileReport>() {};

  /** The rejected rows. */
  public static final TupleTag<RejectedRow> REJECTED = new TupleTag<RejectedRow>() {};

  private static final KvCoder<String, String> PAIRS =
      KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  /**
   * What the manifest says that the pipeline's results do not: the parameters (as JSON), the
   * warnings known before the run, the input as given and what a folder input skipped, where the
   * {@code <unk>} counts came from, the settings its sections describe, the given centres' section
   * (JSON, or null when fitted) and the runner.
   */
  public record Facts(
      String parametersJson,
      ImmutableList<String> warnings,
      ImmutableList<String> patterns,
      String skippedJson,
      String countsFrom,
      double distanceThreshold,
      long countThreshold,
      double maxUnknownShare,
      int window,
      String weighting,
      int epochs,
      long seed,
      String givenCentroidsJson,
      String runner)
      implements Serializable {}

  private final String folder;
  private final Facts facts;

  private WriteBundle(String folder, Facts facts) {
    this.folder = folder;
    this.facts = facts;
  }

  /** Writes the bundle into {@code folder} (local or gs://). */
  public static WriteBundle to(String folder, Facts facts) {
    return new WriteBundle(folder, facts);
  }

  /**
   * The results the bundle is written from, in the order of their tags in the one grouping that
   * gathers them.
   */
  enum Part {
    CENTROIDS(WriteBundle.CENTROIDS, false),
    /** The k-means sweep: absent when the centres are given. */
    SWEEP(WriteBundle.SWEEP, true),
    COUNTS(WriteBundle.COUNTS, false),
    STATS(WriteBundle.STATS, false),
    MATRIX(WriteBundle.MATRIX, false),
    EMBEDDINGS(WriteBundle.EMBEDDINGS, false),
    REPORTS(WriteBundle.REPORTS, false),
    REJECTED(WriteBundle.REJECTED, false);

    final TupleTag<?> tag;

    /** Whether a run may lack this part. */
    final boolean optional;

    Part(TupleTag<?> tag, boolean optional) {
      this.tag = tag;
      this.optional = optional;
    }

    /** The step that tags this part's elements, as "TagCentroids". */
    String step() {
      return "Tag" + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Gathers every result in one grouping and writes the whole bundle in one step. One step, with no
   * side inputs, because the DirectRunner's cost of a run grows with its steps: a view and a
   * trigger per file and per section came to 77 steps, and every side input held back the step that
   * read it until it was ready.
   */
  @Override
  public PCollection<String> expand(PCollectionTuple parts) {
    List<Coder<?>> coders = new ArrayList<>();
    for (Part part : Part.values()) {
      // A part that is not there never needs its coder.
      coders.add(parts.has(part.tag) ? parts.get(part.tag).getCoder() : VoidCoder.of());
    }
    KvCoder<Integer, RawUnionValue> tagged = KvCoder.of(VarIntCoder.of(), UnionCoder.of(coders));
    List<PCollection<KV<Integer, RawUnionValue>>> all = new ArrayList<>();
    for (Part part : Part.values()) {
      if (part.optional && !parts.has(part.tag)) {
        continue;
      }
      PCollection<?> results = parts.get(part.tag);
      if (part == Part.REJECTED) {
        results =
            parts
                .get(REJECTED)
                .apply(
                    "WithoutRawText",
                    MapElements.into(TypeDescriptor.of(RejectedRow.class))
                        .via(r -> RejectedRow.of(r.file(), r.line(), r.reason(), r.detail(), "")))
                .setCoder(RejectedRow.Coder.of());
      }
      all.add(results.apply(part.step(), ParDo.of(new TagFn<>(part.ordinal()))).setCoder(tagged));
    }
    String started = Json.write(TextNode.valueOf(Instant.now().toString()));
    return PCollectionList.of(all)
        .apply("AllResults", Flatten.pCollections())
        .apply("Gather", GroupByKey.create())
        .apply("WriteFilesAndManifest", ParDo.of(new WriteFn(folder, facts, started)))
        .setCoder(StringUtf8Coder.of());
  }

  /** Tags each element with its part, under the one key. */
  private static final class TagFn<T> extends DoFn<T, KV<Integer, RawUnionValue>> {
    private final int part;

    TagFn(int part) {
      this.part = part;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, RawUnionValue>> out) {
      out.output(KV.of(0, new RawUnionValue(part, element)));
    }
  }

  /** The results of a run, sorted out of the grouping by part. */
  static final class Results {
    private final EnumMap<Part, List<Object>> byPart = new EnumMap<>(Part.class);

    Results(Iterable<RawUnionValue> values) {
      for (Part part : Part.values()) {
        byPart.put(part, new ArrayList<>());
      }
      for (RawUnionValue value : values) {
        byPart.get(Part.values()[value.getUnionTag()]).add(value.getValue());
      }
    }

    @SuppressWarnings("unchecked") // each part holds the elements of its tag's collection
    <T> List<T> all(Part part) {
      return (List<T>) byPart.get(part);
    }

    /** The one element of a part, or null for an optional part that has none. */
    <T> T one(Part part) {
      List<T> values = all(part);
      if (part.optional && values.isEmpty()) {
        return null;
      }
      if (values.size() != 1) {
        throw new IllegalStateException(
            "expected one " + part.name().toLowerCase(Locale.ROOT) + ", got " + values.size());
      }
      return values.get(0);
    }
  }

  /** Writes every file of the bundle from the results, then the manifest; outputs its path. */
  static final class WriteFn extends DoFn<KV<Integer, Iterable<RawUnionValue>>, String> {
    private final String folder;
    private final Facts facts;
    private final String started;

    WriteFn(String folder, Facts facts, String started) {
      this.folder = folder;
      this.facts = facts;
      this.started = started;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<RawUnionValue>> gathered, OutputReceiver<String> out)
        throws IOException {
      Results results = new Results(gathered.getValue());
      Centroids centroids = results.one(Part.CENTROIDS);
      ChooseK.Choice sweep = results.one(Part.SWEEP);
      CooccurrenceMatrix matrix = results.one(Part.MATRIX);
      AssignmentStats stats = results.one(Part.STATS);
      List<FileReport> reports = results.all(Part.REPORTS);
      List<GloveFit.Embedding> embeddings = results.all(Part.EMBEDDINGS);

      List<KV<String, String>> written = new ArrayList<>();
      if (sweep != null) {
        written.addAll(BundleWriters.elbow(folder, sweep));
      }
      written.addAll(BundleWriters.centroids(folder, centroids, results.one(Part.COUNTS)));
      written.addAll(BundleWriters.vocabulary(folder, matrix));
      for (GloveFit.Embedding embedding : embeddings) {
        written.add(BundleWriters.embedding(folder, embedding));
      }
      written.add(BundleWriters.rejected(folder, results.all(Part.REJECTED)));
      Map<String, String> files = new HashMap<>();
      written.forEach(file -> files.put(file.getKey(), file.getValue()));

      Map<String, String> sections = new HashMap<>();
      sections.put("parameters", facts.parametersJson());
      sections.put("run.started", started);
      sections.put("run.runner", Json.write(TextNode.valueOf(facts.runner())));
      if (sweep != null) {
        sections.put("kmeans", Json.write(ManifestSections.kmeans(sweep)));
        sections.put("run.kmeans_seconds", Json.write(ManifestSections.kmeansSeconds(sweep)));
      } else {
        sections.put("kmeans", facts.givenCentroidsJson());
      }
      sections.put(
          "input",
          Json.write(ManifestSections.input(facts.patterns(), facts.skippedJson(), reports)));
      sections.put("quality", Json.write(ManifestSections.quality(reports)));
      sections.put(
          "vocabulary",
          Json.write(
              ManifestSections.vocabulary(
                  stats,
                  matrix,
                  centroids.k(),
                  facts.distanceThreshold(),
                  facts.countThreshold(),
                  facts.countsFrom())));
      sections.put(
          "cooccurrence",
          Json.write(ManifestSections.cooccurrence(matrix, facts.window(), facts.weighting())));
      sections.put("warnings", Json.write(warnings(stats, facts)));
      sections.put(
          "glove", Json.write(ManifestSections.glove(embeddings, facts.epochs(), facts.seed())));
      sections.put("run.glove_seconds", Json.write(ManifestSections.gloveSeconds(embeddings)));

      OutputManifest.write(folder, Manifest.text(sections, files, Instant.now()));
      out.output(Paths.resolve(folder, BundleFiles.MANIFEST));
    }
  }

  /** The warnings known before the run, and a {@code <unk>} share above the limit. */
  private static ArrayNode warnings(AssignmentStats stats, Facts facts) {
    ArrayNode warnings = Json.object().arrayNode();
    facts.warnings().forEach(warnings::add);
    String unknown = unknownShareWarning(stats, facts);
    if (unknown != null) {
      LOG.warn(unknown);
      warnings.add(unknown);
    }
    return warnings;
  }

  /** The warning for a {@code <unk>} share above the limit, or null. */
  private static String unknownShareWarning(AssignmentStats stats, Facts facts) {
    double share = stats.unknownShare();
    if (!(share > facts.maxUnknownShare())) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.1f%% of the %d frames became <unk> (%d further than --distanceThreshold=%s from their"
            + " centre, %d in clusters of at most --countThreshold=%d frames), above"
            + " --maxUnknownShare=%s: the vocabulary describes little of this corpus; for a corpus"
            + " this size, lower --countThreshold or raise --distanceThreshold",
        100 * share,
        stats.frames(),
        stats.unknownByDistance(),
        facts.distanceThreshold(),
        stats.unknownByCount(),
        facts.countThreshold(),
        facts.maxUnknownShare());
  }
}
