/**
 * The pipelines' options, as small interfaces, one per concern, that each pipeline composes. An
 * option has one name everywhere (the command line, {@code PipelineOptionsFactory.fromArgs}, tests,
 * a flex template's parameters), its default is the constant of the transform that uses it, and its
 * value is checked once, where it is used (the transform's {@code with...} method).
 */
package io.auglove.pipelines.options;
