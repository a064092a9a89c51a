package io.auglove.models.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.auglove.models.Devices;
import org.junit.jupiter.api.Test;

class DevicesTest {

  @Test
  void prefersTheGpuExactlyWhenTheEngineHasOne() {
    boolean engineHasGpu = Engine.getInstance().getGpuCount() > 0;

    assertEquals(engineHasGpu ? Device.gpu() : Device.cpu(), Devices.preferred());
  }
}
