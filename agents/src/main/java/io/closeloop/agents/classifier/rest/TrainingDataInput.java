package io.closeloop.agents.classifier.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Labelled data in a request: either {@code examples} as JSON objects, or {@code data} holding a
 * whole file's text in {@code format} (csv, tsv or jsonl). Exactly one of the two.
 *
 * @param trainer for training: the Tribuo trainer (default from configuration)
 * @param version for evaluation: the stored version (default: the latest)
 */
public record TrainingDataInput(
        String trainer,
        @Positive Integer version,
        String format,
        String data,
        @Size(max = 200_000) List<@Valid ExampleInput> examples) {

    /** One labelled example. */
    public record ExampleInput(@NotBlank @Size(max = 4000) String text, @NotBlank @Size(max = 200) String label) {
    }
}
