package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import io.auglove.models.Devices;
import io.auglove.models.TorchEngine;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @Test
  void prefersTheGpuExactlyWhenTheEngineHasOne() {
    boolean engineHasGpu = TorchEngine.prepareThread().getGpuCount() > 0;

    assertEquals(engineHasGpu ? Device.gpu() : Device.cpu(), Devices.preferred());
  }
}
