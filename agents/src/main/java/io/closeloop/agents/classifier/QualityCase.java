package io.closeloop.agents.classifier;

import java.util.List;

/**
 * One data-driven quality case: train on {@code train}, evaluate on {@code test}, hold the
 * {@code holdOut} labels out of training (their test queries measure out-of-scope detection), and
 * require the thresholds.
 */
public record QualityCase(String name, String train, String test, String trainer, double minAccuracy, double maxEce,
        List<String> holdOut) {
}
