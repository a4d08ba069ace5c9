package io.closeloop.guardrails.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.guardrails.catalogue.RuleCatalogue;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.engine.GuardrailEngine;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Stores every verdict (in the caller's transaction when there is one, so a queued action and its
 * verdict commit together) and answers rule-hit statistics for reports.
 */
@ApplicationScoped
public class VerdictLog {

    private final ObjectMapper json;
    private final EntityManager em;
    private final RuleCatalogue catalogue;

    public VerdictLog(ObjectMapper json, EntityManager em, GuardrailEngine engine) {
        this.json = json;
        this.em = em;
        this.catalogue = engine.catalogue();
    }

    /**
     * For a transaction that holds only a check's reads and its verdict (no caller's work): its commit
     * does not wait for the WAL flush ({@code SET LOCAL synchronous_commit = off}), so the answer does
     * not wait for an fsync (1-5 ms on a busy disk) to log a check whose result it already has. A
     * PostgreSQL crash in the next few hundred milliseconds may lose the newest such verdicts (never
     * half-write one); verdicts written in a caller's transaction (a queued action) keep its durability.
     */
    public void withoutFlushWait() {
        em.createNativeQuery("set local synchronous_commit to off").executeUpdate();
    }

    @Transactional
    @WithSpan("closeloop.guardrails.verdict")
    public GuardrailVerdict record(String subjectKind, String subjectId, Long repId, Long accountId, Verdict verdict,
            List<FiredRule> fired) {
        GuardrailVerdict row = new GuardrailVerdict();
        row.subjectKind = subjectKind;
        row.subjectId = subjectId;
        row.repId = repId;
        row.accountId = accountId;
        row.verdict = verdict.name();
        row.ruleIds = fired.stream().map(FiredRule::id).distinct().toArray(String[]::new);
        try {
            row.details = json.writeValueAsString(fired);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fired rules are not serialisable", e);
        }
        SpanContext span = Span.current().getSpanContext();
        row.traceId = span.isValid() ? span.getTraceId() : null;
        row.persist();
        return row;
    }

    /** Hits per rule since {@code from}, most frequent first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RuleHitCount> hitsSince(Instant from) {
        List<Object[]> rows = em.createNativeQuery("""
                select r.rule_id, count(*), count(*) filter (where v.verdict = 'BLOCK')
                from guardrail_verdict v cross join unnest(v.rule_ids) as r(rule_id)
                where v.created_at >= :from
                group by r.rule_id order by count(*) desc, r.rule_id""")
                .setParameter("from", from).getResultList();
        return rows.stream().map(r -> new RuleHitCount((String) r[0],
                catalogue.byId((String) r[0]).map(rule -> rule.name()).orElse(null),
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
    }
}
