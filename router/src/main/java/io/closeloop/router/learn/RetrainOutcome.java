package io.closeloop.router.learn;

import io.closeloop.router.policy.IntentThreshold;
import java.util.List;

/**
 * One retraining: the challenger trained on the training set plus the feedback candidates, its
 * held-out figures next to the champion's, whether it was promoted and why, and its thresholds.
 */
public record RetrainOutcome(String model, Integer championVersion, int challengerVersion, Double championAccuracy,
        double challengerAccuracy, Double championMacroF1, double challengerMacroF1, int trainingExamples, int candidates,
        boolean promoted, String reason, List<IntentThreshold> thresholds) {
}
