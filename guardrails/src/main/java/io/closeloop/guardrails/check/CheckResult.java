package io.closeloop.guardrails.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.guardrails.catalogue.Severity;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.engine.FiredRule;
import java.util.List;

/**
 * The verdict on one output: every rule that fired (most severe first), the repaired subject and
 * body when rules repaired it, who must approve when approval is needed, and the stored verdict's
 * id and trace id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(Long verdictId, Verdict verdict, List<FiredRule> rules, String repairedSubject,
        String repairedBody, Long approverId, String traceId) {

    /** The hits an author has to fix: everything above FLAG that was not repaired automatically. */
    public List<FiredRule> violations() {
        return rules.stream().filter(r -> r.severity() == Severity.BLOCK || r.severity() == Severity.NEEDS_APPROVAL).toList();
    }
}
