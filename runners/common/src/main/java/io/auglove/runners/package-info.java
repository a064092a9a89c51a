/**
 * What every runner's jar holds besides its runner: the launcher's entry point and the DJL settings
 * that reach workers through Beam's {@link org.apache.beam.sdk.harness.JvmInitializer}.
 */
package io.auglove.runners;
