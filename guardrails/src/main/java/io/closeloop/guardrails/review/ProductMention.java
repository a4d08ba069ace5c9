package io.closeloop.guardrails.review;

/**
 * A product-like name in the text; {@code product} is the catalogue product it fuzzy-matched
 * (null when nothing in the catalogue is close enough: a likely hallucination).
 */
public record ProductMention(String text, String product, double similarity) {
}
