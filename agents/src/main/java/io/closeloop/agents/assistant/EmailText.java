package io.closeloop.agents.assistant;

import java.util.List;

/** An e-mail the LLM wrote: subject, body, the interactions it relies on and why it says what it says. */
public record EmailText(String subject, String body, List<Long> citedInteractionIds, String rationale) {
}
