package io.closeloop.guardrails.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.guardrails.catalogue.GuardrailRule;
import io.closeloop.guardrails.catalogue.Severity;
import io.closeloop.guardrails.review.RuleHit;

/** A rule that fired on an output: its catalogue entry, what it found, and the repair it made (if any). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FiredRule(String id, String name, Severity severity, String message, String remedy, String detail,
        String replaced, String replacement) {

    public static FiredRule of(GuardrailRule rule, RuleHit hit) {
        return new FiredRule(rule.id(), rule.name(), rule.severity(), rule.message(), rule.remedy(), hit.detail(),
                hit.find(), hit.replace());
    }
}
