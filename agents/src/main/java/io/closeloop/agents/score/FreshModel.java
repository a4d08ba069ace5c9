package io.closeloop.agents.score;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TransparentLogistic} trained on first use and again when older than ten minutes, so new
 * outcomes are learnt without a restart; {@link #invalidate()} forces a retrain (after outcomes
 * changed in bulk, e.g. an import). The trainer runs in the caller's transaction.
 */
final class FreshModel {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private record Trained(TransparentLogistic model, long at) {
    }

    private final Supplier<Optional<TransparentLogistic>> trainer;
    private volatile Trained trained;

    FreshModel(Supplier<Optional<TransparentLogistic>> trainer) {
        this.trainer = trainer;
    }

    /** The model, or empty when there is not enough to learn from. */
    synchronized Optional<TransparentLogistic> get() {
        Trained t = trained;
        if (t == null || System.currentTimeMillis() - t.at() >= MAX_AGE.toMillis()) {
            t = trainer.get().map(m -> new Trained(m, System.currentTimeMillis())).orElse(null);
            trained = t;
        }
        return Optional.ofNullable(t).map(Trained::model);
    }

    void invalidate() {
        trained = null;
    }
}
