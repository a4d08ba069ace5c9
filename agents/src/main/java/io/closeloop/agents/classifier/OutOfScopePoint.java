package io.closeloop.agents.classifier;

/**
 * At one confidence threshold: the share of queries from intents held out of training that fall
 * below it (detected as out of scope), and the coverage and accuracy on the in-scope queries.
 */
public record OutOfScopePoint(double threshold, double outOfScopeDetected, double inScopeCoverage, double inScopeAccuracy) {
}
