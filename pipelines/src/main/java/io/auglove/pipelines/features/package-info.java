/**
 * Featurized recordings, shared by the featurize pipeline that writes them and the evaluate
 * pipeline that reads them: the steps from OpenFace CSVs to feature sequences with a bundle's
 * vocabulary, the row format, the token ids and the output folder's files and manifest.
 */
package io.auglove.pipelines.features;
