package io.closeloop.agents.classifier.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.closeloop.agents.classifier.ModelInfo;

/** A stored classifier version with the report on its validation split (as stored, JSON). */
public record ClassifierVersionView(ModelInfo model, @JsonRawValue String validation) {
}
