package io.auglove.pipelines.vocabulary;

import io.auglove.pipelines.options.AssignmentOptions;
import io.auglove.pipelines.options.CooccurrenceOptions;
import io.auglove.pipelines.options.FilterOptions;
import io.auglove.pipelines.options.GloveOptions;
import io.auglove.pipelines.options.InputOptions;
import io.auglove.pipelines.options.KMeansOptions;
import io.auglove.pipelines.options.OutputOptions;
import io.auglove.pipelines.options.SeedOptions;

/**
 * Options of the vocabulary pipeline: the input and its filtering, the k-means sweep or given
 * centres, the {@code <unk>} rules, the co-occurrence window, GloVe, the seed and the bundle.
 */
public interface VocabularyOptions
    extends InputOptions,
        FilterOptions,
        KMeansOptions,
        AssignmentOptions,
        CooccurrenceOptions,
        GloveOptions,
        SeedOptions,
        OutputOptions {}
