package io.closeloop.agents.classifier;

import java.util.List;

/**
 * The calibrated answer of a classifier for one text: every label with its probability, most
 * probable first (the probabilities sum to 1).
 */
public record Classification(List<ScoredLabel> ranked) {

    public record ScoredLabel(String label, double probability) {
    }

    public String label() {
        return ranked.get(0).label();
    }

    /** The probability of the top label: the number the router compares with its thresholds. */
    public double confidence() {
        return ranked.get(0).probability();
    }
}
