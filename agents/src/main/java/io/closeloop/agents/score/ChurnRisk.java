package io.closeloop.agents.score;

import java.util.List;

/**
 * An account's probability of churning at its renewal (the model is trained on renewals lost
 * versus won), with the factors that moved it most and, for each, the interactions behind it.
 */
public record ChurnRisk(long accountId, double probabilityChurn, List<Evidence> factors, int trainedOn) {

    /** A factor in plain words ("3 messages in the last 180 days mention a competitor"), its contribution to the log-odds of churn, and the interactions behind it. */
    public record Evidence(Factor factor, String explanation, List<Long> interactionIds) {
    }

    /** Every interaction cited by a factor, most influential factor first, without repeats. */
    public List<Long> interactionIds() {
        return factors.stream().flatMap(f -> f.interactionIds().stream()).distinct().toList();
    }
}
