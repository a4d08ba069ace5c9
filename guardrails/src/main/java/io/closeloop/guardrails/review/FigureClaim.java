package io.closeloop.guardrails.review;

/**
 * A number the text states as fact (amount, percentage, count); {@code supported} when the same
 * figure occurs in a grounding source or the price book.
 */
public record FigureClaim(String text, boolean supported) {
}
