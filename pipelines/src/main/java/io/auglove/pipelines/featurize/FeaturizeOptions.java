package io.auglove.pipelines.featurize;

import io.auglove.pipelines.options.BundleOptions;
import io.auglove.pipelines.options.InputOptions;
import io.auglove.pipelines.options.OutputOptions;

/**
 * Options of the featurize pipeline: the OpenFace CSVs, the bundle whose vocabulary and reading
 * rules to use, and the output folder.
 */
public interface FeaturizeOptions extends InputOptions, BundleOptions, OutputOptions {}
