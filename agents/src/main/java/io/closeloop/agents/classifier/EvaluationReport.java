package io.closeloop.agents.classifier;

import java.util.List;
import java.util.Locale;

/**
 * How well a classifier did on a labelled data set. Probabilities are the calibrated ones;
 * {@code coverage} says, per confidence threshold, which share of the texts would be answered
 * (top probability at or above it) and how often those answers were right.
 */
public record EvaluationReport(
        String model,
        Integer version,
        String trainer,
        String embeddingModel,
        double temperature,
        int examples,
        int unknownLabelExamples,
        double accuracy,
        double macroF1,
        double expectedCalibrationError,
        double negativeLogLikelihood,
        List<ClassMetrics> perClass,
        List<Confusion> topConfusions,
        List<CoveragePoint> coverage,
        List<CalibrationBin> calibration) {

    /** Precision, recall and F1 of one label; {@code support} is how many texts carry it. */
    public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
    }

    /** A true label mistaken for another, and how often. */
    public record Confusion(String actual, String predicted, int count) {
    }

    /** At confidence {@code >= threshold}: the share answered and the accuracy of those answers (1.0 when none). */
    public record CoveragePoint(double threshold, double coverage, double accuracy, int answered) {
    }

    /** One equal-width confidence bin of the reliability diagram behind the ECE. */
    public record CalibrationBin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    /** A plain-text report for a terminal. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "model %s%s  trainer %s  embedding %s  temperature %.3f%n", model,
                version == null ? "" : " v" + version, trainer, embeddingModel, temperature));
        out.append(String.format(Locale.ROOT, "examples %d (%d with a label the model does not know)%n", examples, unknownLabelExamples));
        out.append(String.format(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  ECE %.4f  NLL %.4f%n%n", accuracy, macroF1,
                expectedCalibrationError, negativeLogLikelihood));
        out.append(String.format(Locale.ROOT, "%-40s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
        for (ClassMetrics c : perClass) {
            out.append(String.format(Locale.ROOT, "%-40s %9.3f %9.3f %9.3f %8d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support()));
        }
        out.append(String.format("%ntop confusions (actual -> predicted)%n"));
        for (Confusion c : topConfusions) {
            out.append(String.format(Locale.ROOT, "  %4d  %s -> %s%n", c.count(), c.actual(), c.predicted()));
        }
        out.append(String.format("%ncoverage-accuracy over confidence thresholds%n  threshold  coverage  accuracy  answered%n"));
        for (CoveragePoint p : coverage) {
            out.append(String.format(Locale.ROOT, "  %9.2f  %8.4f  %8.4f  %8d%n", p.threshold(), p.coverage(), p.accuracy(), p.answered()));
        }
        return out.toString();
    }
}
