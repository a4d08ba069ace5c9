package io.closeloop.guardrails.check;

import io.closeloop.guardrails.engine.FiredRule;
import java.util.List;

/** Applies the repairs of fired rules to a text: each repaired span replaced by its fix, every occurrence. */
final class RepairApplier {

    private RepairApplier() {
    }

    static String apply(String text, List<FiredRule> fired) {
        if (text == null) {
            return null;
        }
        String repaired = text;
        for (FiredRule rule : fired) {
            if (rule.replaced() != null && rule.replacement() != null) {
                repaired = repaired.replace(rule.replaced(), rule.replacement());
            }
        }
        return repaired;
    }
}
