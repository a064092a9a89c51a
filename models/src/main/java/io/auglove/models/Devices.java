package io.auglove.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which device the models run their NDArray work on. */
public final class Devices {

  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

  /** Whether this JVM has said which device it uses: once is enough. */
  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

  private Devices() {}

  /**
   * The first GPU when the default engine can use one, the CPU otherwise.
   *
   * <p>The engine counts GPUs only when its native library was built with CUDA, so a machine with a
   * GPU but the CPU build of PyTorch on the classpath gets {@link Device#cpu()}, never a device it
   * cannot use.
   */
  public static Device preferred() {
    Engine engine = TorchEngine.prepareThread();
    Device device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    if (ANNOUNCED.compareAndSet(false, true)) {
      LOG.info(
          "Tensor work (k-means, BiLSTMs) runs on {}: {} {}, {} GPU(s) visible",
          device,
          engine.getEngineName(),
          engine.getVersion(),
          engine.getGpuCount());
    }
    return device;
  }
}
