/** The vocabulary pipeline: OpenFace CSVs to a vocabulary bundle. */
package io.auglove.pipelines.vocabulary;
