package io.closeloop.agents.classifier.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A text to classify, with the model version to use (default: the latest). */
public record ClassifyInput(@NotBlank @Size(max = 4000) String text, @Positive Integer version) {
}
