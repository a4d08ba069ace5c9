package io.closeloop.guardrails.review;

/** The account the output is about (its web domain bounds who may receive it). */
public record AccountFact(Long id, String name, String domain) {
}
