package io.closeloop.actions.action;

import java.util.List;

/**
 * The guardrail verdict an action was drafted with.
 *
 * @param verdict   ALLOW, REPAIR, NEEDS_APPROVAL, BLOCK, or UNCHECKED when no guardrails ran
 * @param verdictId the stored verdict's id in the guardrails' log, when there is one
 * @param rules     ids of the rules that fired
 */
public record GuardrailCheck(String verdict, Long verdictId, List<String> rules) {

    public static final GuardrailCheck UNCHECKED = new GuardrailCheck("UNCHECKED", null, List.of());

    public GuardrailCheck {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public boolean needsApproval() {
        return "NEEDS_APPROVAL".equals(verdict);
    }

    public boolean blocks() {
        return "BLOCK".equals(verdict);
    }
}
