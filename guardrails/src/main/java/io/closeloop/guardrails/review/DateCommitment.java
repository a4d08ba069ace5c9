package io.closeloop.guardrails.review;

import java.time.LocalDate;

/** A date the text commits to ("we will deliver by 3 March 2026"). */
public record DateCommitment(LocalDate date, String text) {
}
