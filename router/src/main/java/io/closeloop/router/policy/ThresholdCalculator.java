package io.closeloop.router.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses per-intent confidence thresholds from a held-out evaluation so that the requests routed
 * on confidence are right at least {@code targetPrecision} of the time (see router/README.md):
 * for each intent, its held-out predictions are sorted by confidence, highest first; walking down,
 * the precision of "everything at or above this confidence" is tracked; the threshold is the
 * lowest confidence at which that precision still meets the target with at least
 * {@code minAnswered} predictions above it. Ties are taken together (a threshold cannot split
 * equal confidences). An intent for which no such point exists gets {@link RoutingPolicy#NEVER}.
 */
public final class ThresholdCalculator {

    /** One held-out request: its true label, the predicted one and the predicted probability. */
    public record Scored(String actual, String predicted, double confidence) {
    }

    private final double targetPrecision;
    private final int minAnswered;

    public ThresholdCalculator(double targetPrecision, int minAnswered) {
        if (targetPrecision <= 0 || targetPrecision > 1) {
            throw new IllegalArgumentException("target precision must be in (0, 1]: " + targetPrecision);
        }
        this.targetPrecision = targetPrecision;
        this.minAnswered = Math.max(1, minAnswered);
    }

    /** Thresholds of every intent in {@code intents}, in that order. */
    public List<IntentThreshold> thresholds(List<String> intents, List<Scored> heldOut) {
        Map<String, List<Scored>> byPredicted = new TreeMap<>();
        Map<String, Integer> support = new TreeMap<>();
        for (Scored s : heldOut) {
            byPredicted.computeIfAbsent(s.predicted(), k -> new ArrayList<>()).add(s);
            support.merge(s.actual(), 1, Integer::sum);
        }
        List<IntentThreshold> result = new ArrayList<>(intents.size());
        for (String intent : intents) {
            result.add(threshold(intent, byPredicted.getOrDefault(intent, List.of()), support.getOrDefault(intent, 0)));
        }
        return result;
    }

    private IntentThreshold threshold(String intent, List<Scored> predictions, int support) {
        List<Scored> sorted = new ArrayList<>(predictions);
        sorted.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        int right = 0;
        int answered = 0;
        double best = RoutingPolicy.NEVER;
        int bestAnswered = 0;
        int bestRight = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            answered++;
            if (s.actual().equals(s.predicted())) {
                right++;
            }
            boolean lastOfTie = i + 1 == sorted.size() || sorted.get(i + 1).confidence() < s.confidence();
            if (lastOfTie && answered >= minAnswered && (double) right / answered >= targetPrecision) {
                best = s.confidence();
                bestAnswered = answered;
                bestRight = right;
            }
        }
        double precision = bestAnswered == 0 ? 0 : (double) bestRight / bestAnswered;
        double coverage = support == 0 ? 0 : (double) bestRight / support;
        return new IntentThreshold(intent, best, targetPrecision, precision, coverage, bestAnswered, sorted.size(), support);
    }
}
