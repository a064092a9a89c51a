package io.auglove.pipelines.cli;

import io.auglove.pipelines.options.GloveOptions;
import io.auglove.pipelines.options.KMeansOptions;

/**
 * Options of {@code auglove demo}: the generator's (its {@code --output} is the folder that gets
 * {@code corpus/} and {@code bundle/}) and the vocabulary pipeline's it uses, under the same names.
 */
public interface DemoOptions
    extends GenerateOptions, KMeansOptions, ScaledCountThresholdOptions, GloveOptions {}
