package io.closeloop.agents.classifier;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs data-driven quality cases (the slow evaluations on real data sets, e.g. banking77): each
 * trains a new version under the case's name, evaluates it on the test file and checks its
 * thresholds. With held-out labels it also measures out-of-scope detection: how many queries of
 * intents the model never saw fall below each confidence threshold.
 */
@ApplicationScoped
public class ClassifierQuality {

    private final ClassifierService classifiers;
    private final ClassifierConfig config;

    public ClassifierQuality(ClassifierService classifiers, ClassifierConfig config) {
        this.classifiers = classifiers;
        this.config = config;
    }

    public QualityResult run(QualityCase qualityCase, List<LabelledExample> train, List<LabelledExample> test) {
        Set<String> held = new HashSet<>(qualityCase.holdOut());
        List<LabelledExample> trainIn = train.stream().filter(e -> !held.contains(e.label())).toList();
        List<LabelledExample> testIn = test.stream().filter(e -> !held.contains(e.label())).toList();
        List<LabelledExample> testOut = test.stream().filter(e -> held.contains(e.label())).toList();

        long started = System.nanoTime();
        ClassifierService.TrainedVersion trained = classifiers.train(qualityCase.name(), trainIn, qualityCase.trainer(), "quality");
        long afterTrain = System.nanoTime();
        EvaluationReport report = classifiers.evaluate(qualityCase.name(), trained.model().version(), testIn);
        List<Classification> outOfScope = testOut.isEmpty() ? List.of()
                : classifiers.classifyAll(qualityCase.name(), trained.model().version(), testOut.stream().map(LabelledExample::text).toList());
        long afterEvaluate = System.nanoTime();

        List<OutOfScopePoint> curve = new ArrayList<>();
        if (!outOfScope.isEmpty()) {
            for (double threshold : config.coverageThresholds()) {
                long below = outOfScope.stream().filter(c -> c.confidence() < threshold).count();
                EvaluationReport.CoveragePoint in = report.coverage().stream().filter(p -> p.threshold() == threshold).findFirst().orElseThrow();
                curve.add(new OutOfScopePoint(threshold, (double) below / outOfScope.size(), in.coverage(), in.accuracy()));
            }
        }
        List<String> failures = new ArrayList<>();
        if (report.accuracy() < qualityCase.minAccuracy()) {
            failures.add(String.format(Locale.ROOT, "accuracy %.4f below %.4f", report.accuracy(), qualityCase.minAccuracy()));
        }
        if (report.expectedCalibrationError() > qualityCase.maxEce()) {
            failures.add(String.format(Locale.ROOT, "ECE %.4f above %.4f", report.expectedCalibrationError(), qualityCase.maxEce()));
        }
        return new QualityResult(qualityCase, failures.isEmpty(), failures, (afterTrain - started) / 1_000_000,
                (afterEvaluate - afterTrain) / 1_000_000, trained.validation(), report, outOfScope.size(), curve);
    }
}
