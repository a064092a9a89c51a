/** What the Flink jar adds to the command line: a check of the Flink master before submitting. */
package io.auglove.runners.flink;
