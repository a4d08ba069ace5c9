package io.closeloop.guardrails.erasure;

import io.closeloop.crm.erasure.ErasureHook;
import io.closeloop.crm.erasure.ErasureSubject;
import io.closeloop.crm.erasure.Redaction;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Verdicts stay (rule-hit statistics count them); the text of their fired rules loses the erased
 * person's name, e-mail and phone. Looks at the subject account's verdicts and at any verdict
 * whose details mention a term (a draft may name a contact of another account).
 */
@ApplicationScoped
public class GuardrailErasureHook implements ErasureHook {

    @Override
    public String part() {
        return "guardrails";
    }

    @Override
    public Map<String, Long> erase(ErasureSubject subject) {
        long redacted = 0;
        for (GuardrailVerdict verdict : candidates(subject)) {
            String details = Redaction.redact(verdict.details, subject.terms());
            if (!details.equals(verdict.details)) {
                verdict.details = details;
                redacted++;
            }
        }
        return Map.of("verdicts.redacted", redacted);
    }

    @SuppressWarnings("unchecked")
    private static List<GuardrailVerdict> candidates(ErasureSubject subject) {
        String[] patterns = subject.terms().stream().map(Redaction::containsPattern).toArray(String[]::new);
        List<Number> ids = GuardrailVerdict.getEntityManager().createNativeQuery(
                "select id from guardrail_verdict where account_id = ?1 or details::text ilike any (?2)")
                .setParameter(1, subject.accountId() == null ? -1L : subject.accountId())
                .setParameter(2, patterns)
                .getResultList();
        return ids.isEmpty() ? List.of() : GuardrailVerdict.list("id in ?1", ids.stream().map(Number::longValue).toList());
    }
}
