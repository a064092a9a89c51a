package io.auglove.models.lstm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told of each epoch as a {@link BiLstmRegressor} fit finishes it, on the thread that runs the fit:
 * to show progress or record loss curves.
 *
 * <pre>{@code
 * List<BiLstmEpoch> seen = new ArrayList<>();
 * BiLstmSettings.builder().setInput(LstmInput.aus()).optListener(seen::add).build();
 * }</pre>
 */
@FunctionalInterface
public interface EpochListener {

  /** Does nothing. */
  EpochListener NONE = epoch -> {};

  /** Logs one line per epoch at INFO (the default). */
  EpochListener LOG =
      new EpochListener() {
        private final Logger log = LoggerFactory.getLogger(BiLstmRegressor.class);

        @Override
        public void onEpoch(BiLstmEpoch epoch) {
          log.info(
              "{} epoch {}: train loss {}, validation loss {}{} ({} s)",
              epoch.model(),
              epoch.epoch(),
              String.format("%.6f", epoch.trainLoss()),
              String.format("%.6f", epoch.validationLoss()),
              epoch.best() && !Double.isNaN(epoch.validationLoss()) ? " (best)" : "",
              String.format("%.3f", epoch.trainSeconds()));
        }
      };

  /** Called once the epoch's validation loss is known. */
  void onEpoch(BiLstmEpoch epoch);

  /** This listener, then {@code next}. */
  default EpochListener andThen(EpochListener next) {
    return epoch -> {
      onEpoch(epoch);
      next.onEpoch(epoch);
    };
  }
}
