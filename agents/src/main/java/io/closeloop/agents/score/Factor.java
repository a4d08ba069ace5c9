package io.closeloop.agents.score;

/** One feature of a scored record, its value and how much it pushes the score up (+) or down (−), in log-odds. */
public record Factor(String feature, double value, double contribution) {
}
