package io.closeloop.agents.classifier;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scores calibrated classifications against true labels: accuracy, macro-F1 and per-class
 * precision/recall over every label seen in truth or prediction (a label never predicted has
 * precision 0, as in scikit-learn), the most frequent confusions, the expected calibration error
 * over equal-width confidence bins (Naeini et al., 2015) and the coverage-accuracy curve.
 */
@ApplicationScoped
public class ClassifierEvaluator {

    private final ClassifierConfig config;

    public ClassifierEvaluator(ClassifierConfig config) {
        this.config = config;
    }

    /** A scored text: its true label and the classifier's calibrated answer. */
    public record Scored(String actual, Classification predicted) {
    }

    public EvaluationReport evaluate(ModelInfo info, EmbeddingClassifier classifier, List<Scored> scored) {
        int n = scored.size();
        Map<String, int[]> counts = new HashMap<>(); // label -> [truePositive, predicted, actual]
        Map<String, Integer> confusions = new HashMap<>();
        int correct = 0;
        int unknown = 0;
        double nll = 0;
        for (Scored s : scored) {
            String predicted = s.predicted().label();
            counts.computeIfAbsent(s.actual(), k -> new int[3])[2]++;
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            if (classifier.indexOf(s.actual()) < 0) {
                unknown++;
            }
            if (predicted.equals(s.actual())) {
                correct++;
                counts.get(predicted)[0]++;
            } else {
                confusions.merge(s.actual() + "\u0000" + predicted, 1, Integer::sum);
            }
            nll -= Math.log(Math.max(probabilityOf(s.predicted(), s.actual()), 1e-300));
        }
        List<EvaluationReport.ClassMetrics> perClass = new ArrayList<>();
        double f1Sum = 0;
        for (String label : new TreeSet<>(counts.keySet())) {
            int[] c = counts.get(label);
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perClass.add(new EvaluationReport.ClassMetrics(label, precision, recall, f1, c[2]));
        }
        List<EvaluationReport.Confusion> top = confusions.entrySet().stream()
                .map(e -> new EvaluationReport.Confusion(e.getKey().split("\u0000")[0], e.getKey().split("\u0000")[1], e.getValue()))
                .sorted(Comparator.comparingInt(EvaluationReport.Confusion::count).reversed()
                        .thenComparing(EvaluationReport.Confusion::actual).thenComparing(EvaluationReport.Confusion::predicted))
                .limit(config.topConfusions()).toList();
        List<EvaluationReport.CalibrationBin> bins = calibration(scored);
        double ece = 0;
        for (EvaluationReport.CalibrationBin bin : bins) {
            ece += (double) bin.count() / Math.max(n, 1) * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return new EvaluationReport(info.name(), info.version(), info.trainer(), info.embeddingModel(), classifier.temperature(),
                n, unknown, n == 0 ? 0 : (double) correct / n, perClass.isEmpty() ? 0 : f1Sum / perClass.size(), ece,
                n == 0 ? 0 : nll / n, perClass, top, coverage(scored), bins);
    }

    private static double probabilityOf(Classification c, String label) {
        return c.ranked().stream().filter(s -> s.label().equals(label)).mapToDouble(Classification.ScoredLabel::probability)
                .findFirst().orElse(0);
    }

    private List<EvaluationReport.CoveragePoint> coverage(List<Scored> scored) {
        List<EvaluationReport.CoveragePoint> points = new ArrayList<>();
        for (double threshold : config.coverageThresholds()) {
            int answered = 0;
            int right = 0;
            for (Scored s : scored) {
                if (s.predicted().confidence() >= threshold) {
                    answered++;
                    if (s.predicted().label().equals(s.actual())) {
                        right++;
                    }
                }
            }
            points.add(new EvaluationReport.CoveragePoint(threshold, scored.isEmpty() ? 0 : (double) answered / scored.size(),
                    answered == 0 ? 1.0 : (double) right / answered, answered));
        }
        return points;
    }

    private List<EvaluationReport.CalibrationBin> calibration(List<Scored> scored) {
        int binCount = config.calibrationBins();
        int[] count = new int[binCount];
        double[] confidence = new double[binCount];
        int[] right = new int[binCount];
        for (Scored s : scored) {
            double c = s.predicted().confidence();
            int bin = Math.min(binCount - 1, (int) (c * binCount));
            count[bin]++;
            confidence[bin] += c;
            if (s.predicted().label().equals(s.actual())) {
                right[bin]++;
            }
        }
        List<EvaluationReport.CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            if (count[b] > 0) {
                bins.add(new EvaluationReport.CalibrationBin((double) b / binCount, (double) (b + 1) / binCount, count[b],
                        confidence[b] / count[b], (double) right[b] / count[b]));
            }
        }
        return bins;
    }
}
