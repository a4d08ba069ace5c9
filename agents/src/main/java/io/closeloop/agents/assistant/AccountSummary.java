package io.closeloop.agents.assistant;

import java.util.List;

/** A narrative summary of an account with its open issues. */
public record AccountSummary(String summary, List<String> openIssues, List<Long> citedInteractionIds) {
}
