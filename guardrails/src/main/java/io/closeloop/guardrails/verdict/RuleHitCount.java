package io.closeloop.guardrails.verdict;

/** How often one rule fired in a period, and how many of those verdicts ended blocked. */
public record RuleHitCount(String ruleId, String name, long hits, long blocked) {
}
