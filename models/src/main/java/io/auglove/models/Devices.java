package io.auglove.models;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Which device the models run their NDArray work on. */
public final class Devices {

  private Devices() {}

  /**
   * The first GPU when the default engine can use one, the CPU otherwise.
   *
   * <p>The engine counts GPUs only when its native library was built with CUDA, so a machine with a
   * GPU but the CPU build of PyTorch on the classpath gets {@link Device#cpu()}, never a device it
   * cannot use.
   */
  public static Device preferred() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
