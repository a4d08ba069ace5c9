package io.closeloop.agents.classifier;

/** One row of a labelled data set: a text and the label a person gave it. */
public record LabelledExample(String text, String label) {
}
