package io.auglove.models;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Readies the calling thread for tensor work. Call {@link #prepareThread} before any NDArray work.
 *
 * <p>Two things differ between threads otherwise. The thread that loads PyTorch's native library
 * computes differently afterwards from every other thread (on an AVX-512 CPU a small BiLSTM fit
 * there reached three to six times the test error of the same fit on any other thread), so the
 * engine is loaded on a thread of its own that then ends. And PyTorch keeps its intra-op thread
 * count per thread (it is OpenMP's), while DJL sets it only on the loading thread: any other thread
 * would use one per core, sum in another order and give a fit another result for the same seed.
 */
public final class TorchEngine {

  /** The system property from which DJL sets PyTorch's intra-op threads. */
  static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

  private static final AtomicReference<Engine> ENGINE = new AtomicReference<>();

  private TorchEngine() {}

  /** Loads the engine (once, on its own thread) and gives this thread its thread count. */
  public static Engine prepareThread() {
    Engine engine = loaded();
    Integer threads = Integer.getInteger(THREADS_PROPERTY);
    if (threads != null
        && threads > 0
        && "PyTorch".equals(engine.getEngineName())
        && JniUtils.getNumThreads() != threads) {
      JniUtils.setNumThreads(threads);
    }
    return engine;
  }

  private static Engine loaded() {
    Engine engine = ENGINE.get();
    if (engine != null) {
      return engine;
    }
    synchronized (ENGINE) {
      if (ENGINE.get() == null) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread loader =
            new Thread(
                () -> {
                  try {
                    ENGINE.set(Engine.getInstance());
                  } catch (RuntimeException e) {
                    failure.set(e);
                  }
                },
                "tensor-engine-loader");
        loader.start();
        try {
          loader.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while loading the tensor engine", e);
        }
        if (failure.get() != null) {
          throw failure.get();
        }
      }
      return ENGINE.get();
    }
  }
}
