package io.closeloop.router.policy;

/**
 * The confidence threshold of one intent in one model version, with the held-out figures it was
 * chosen from.
 *
 * @param threshold         route to the intent's handler when the top probability is at least this
 *                          ({@link RoutingPolicy#NEVER} when no threshold reached the target)
 * @param achievedPrecision share of held-out predictions of the intent at or above the threshold that were right
 * @param coverage          share of the intent's held-out requests the threshold sends, rightly, to its handler
 * @param answered          held-out predictions of the intent at or above the threshold
 * @param predicted         held-out predictions of the intent at any confidence
 * @param support           held-out requests whose true label is the intent
 */
public record IntentThreshold(String intent, double threshold, double targetPrecision, double achievedPrecision, double coverage,
        int answered, int predicted, int support) {

    public boolean usable() {
        return threshold <= 1.0;
    }
}
