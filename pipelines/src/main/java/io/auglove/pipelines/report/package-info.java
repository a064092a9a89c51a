/**
 * The HTML reports: {@code ./auglove report} on a vocabulary bundle ({@link
 * io.auglove.pipelines.report.BundleReport}) and the page {@code evaluate} writes beside its tables
 * ({@link io.auglove.pipelines.report.EvaluationPage}). A report is one self-contained page (styles
 * and script inline, no external URL) and its figures as PNG files beside it, each readable on its
 * own; a bundle's report is an output like any other: staged, published whole, with a manifest.
 */
package io.auglove.pipelines.report;
