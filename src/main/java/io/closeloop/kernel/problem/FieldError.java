package io.closeloop.kernel.problem;

/** One rejected input field: its JSON path (or CSV column) and why it was rejected. */
public record FieldError(String field, String reason) {
}
