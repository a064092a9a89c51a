/** The {@code ./auglove} command line: subcommands, their options and help. */
package io.auglove.pipelines.cli;
