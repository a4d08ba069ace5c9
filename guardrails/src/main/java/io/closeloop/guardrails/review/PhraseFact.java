package io.closeloop.guardrails.review;

/**
 * A phrase of a kind the rules care about, found in the text: {@code TOXIC}, {@code DISPARAGING}
 * (a competitor named next to a negative word), {@code GUARANTEE} or {@code PLACEHOLDER}.
 * {@code sentence} is the whole sentence it occurs in; {@code subject} what it is about (the
 * competitor for DISPARAGING).
 */
public record PhraseFact(String kind, String text, String sentence, String subject) {
}
