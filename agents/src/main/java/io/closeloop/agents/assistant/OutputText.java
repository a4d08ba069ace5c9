package io.closeloop.agents.assistant;

import java.util.List;

/**
 * One LLM output as the rep sees it, placeholders restored: the subject (e-mail drafts only), the
 * text, and the interaction ids the model cited. This is what the guardrails check.
 */
record OutputText(String subject, String body, List<Long> cited) {

    OutputText {
        cited = cited == null ? List.of() : cited.stream().filter(java.util.Objects::nonNull).toList();
    }

    boolean blank() {
        return body == null || body.isBlank();
    }
}
