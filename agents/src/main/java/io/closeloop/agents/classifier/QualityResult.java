package io.closeloop.agents.classifier;

import java.util.List;

/** The outcome of a {@link QualityCase}: the in-scope report, the out-of-scope curve, and whether the thresholds held. */
public record QualityResult(QualityCase qualityCase, boolean passed, List<String> failures, long trainMillis, long evaluateMillis,
        EvaluationReport validation, EvaluationReport test, int outOfScopeQueries, List<OutOfScopePoint> outOfScope) {
}
