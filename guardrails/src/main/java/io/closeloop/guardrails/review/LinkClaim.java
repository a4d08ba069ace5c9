package io.closeloop.guardrails.review;

/** A link in the text and its host domain. */
public record LinkClaim(String url, String domain) {
}
