package io.closeloop.agents.classifier;

import java.time.OffsetDateTime;
import java.util.List;

/** One stored version of a classifier, without its weights: what lists and reports show. */
public record ModelInfo(Long id, String name, Integer version, String trainer, String embeddingModel, List<String> labels,
        double temperature, int trainingExamples, int validationExamples, String dataSha256, String createdBy,
        OffsetDateTime createdAt) {
}
