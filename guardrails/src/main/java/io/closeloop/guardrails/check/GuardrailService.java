package io.closeloop.guardrails.check;

import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.engine.GuardrailEngine;
import io.closeloop.guardrails.review.ReviewFacts;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.guardrails.verdict.VerdictLog;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Checks one output for a rep: validates the input, reads the context, extracts the facts, runs
 * the rules, applies repairs, decides the verdict (the most severe fired rule) and stores it.
 */
@ApplicationScoped
public class GuardrailService {

    private final ReviewContextLoader contexts;
    private final FactExtractor extractor;
    private final GuardrailEngine engine;
    private final VerdictLog log;
    private final Clock clock;

    public GuardrailService(ReviewContextLoader contexts, FactExtractor extractor, GuardrailEngine engine, VerdictLog log) {
        this.contexts = contexts;
        this.extractor = extractor;
        this.engine = engine;
        this.log = log;
        this.clock = Clock.systemUTC();
    }

    /**
     * Runs in the caller's transaction when there is one (the verdict commits with the caller's work,
     * as durably). Otherwise in one transaction of its own for the context reads and the verdict row,
     * whose commit does not wait for the WAL flush: see {@link VerdictLog#withoutFlushWait()}.
     *
     * @param subjectKind what is checked ("email-draft", "chat-answer", "action", "check")
     * @param subjectId   its id in the caller's domain, if it has one
     */
    @WithSpan("closeloop.guardrails.check")
    public CheckResult check(Rep rep, DraftInput draft, String subjectKind, String subjectId) {
        DraftValidation.validate(draft);
        if (QuarkusTransaction.isActive()) {
            return checkAndRecord(rep, draft, subjectKind, subjectId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            log.withoutFlushWait();
            return checkAndRecord(rep, draft, subjectKind, subjectId);
        });
    }

    private CheckResult checkAndRecord(Rep rep, DraftInput draft, String subjectKind, String subjectId) {
        ReviewContext context = contexts.load(rep, draft, LocalDate.now(clock));
        ReviewFacts facts = extractor.extract(draft, context);
        List<FiredRule> fired = engine.evaluate(facts);
        Verdict verdict = GuardrailEngine.verdictOf(fired);
        boolean repaired = fired.stream().anyMatch(r -> r.replacement() != null);
        GuardrailVerdict stored = log.record(Objects.requireNonNullElse(subjectKind, "check"), subjectId, rep.id,
                draft.accountId(), verdict, fired);
        Span.current().setAttribute("closeloop.guardrails.verdict", verdict.name());
        return new CheckResult(stored.id, verdict, fired,
                repaired ? RepairApplier.apply(draft.subject(), fired) : null,
                repaired ? RepairApplier.apply(draft.body(), fired) : null,
                verdict == Verdict.NEEDS_APPROVAL ? context.rep().managerId() : null,
                stored.traceId);
    }

}
