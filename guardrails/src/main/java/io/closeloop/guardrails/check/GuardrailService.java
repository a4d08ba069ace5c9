package io.closeloop.guardrails.check;

import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.guardrails.engine.GuardrailEngine;
import io.closeloop.guardrails.review.ReviewFacts;
import io.closeloop.guardrails.verdict.GuardrailVerdict;
import io.closeloop.guardrails.verdict.VerdictLog;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
    /** Context reads ahead of checks (see {@link #prefetch}); more at once than workers run on the caller's thread. */
    private final ExecutorService ahead = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "guardrails-context-ahead");
        t.setDaemon(true);
        return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());

    public GuardrailService(ReviewContextLoader contexts, FactExtractor extractor, GuardrailEngine engine, VerdictLog log) {
        this.contexts = contexts;
        this.extractor = extractor;
        this.engine = engine;
        this.log = log;
        this.clock = Clock.systemUTC();
    }

    @PreDestroy
    void stop() {
        ahead.shutdownNow();
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
        return check(rep, draft, subjectKind, subjectId, null);
    }

    /**
     * As {@link #check(Rep, DraftInput, String, String)}, with the text-independent context read ahead
     * by {@link #prefetch} (null, failed, or read for another rep or account: the whole context is read here).
     */
    @WithSpan("closeloop.guardrails.check")
    public CheckResult check(Rep rep, DraftInput draft, String subjectKind, String subjectId, CompletableFuture<ReviewContextLoader.Base> ahead) {
        DraftValidation.validate(draft);
        ReviewContextLoader.Base base = readAhead(ahead, rep, draft);
        if (QuarkusTransaction.isActive()) {
            return checkAndRecord(rep, draft, subjectKind, subjectId, base);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            log.withoutFlushWait();
            return checkAndRecord(rep, draft, subjectKind, subjectId, base);
        });
    }

    /**
     * The recipient rules alone (GR-07 consent, GR-08 the account's contacts or domain, GR-09 at least one
     * recipient) against the CRM as it is now, for an e-mail a person approved earlier that is about to be
     * sent: a contact may have opted out, or been erased, since. The recipients are the only facts, so only
     * the rules over recipients can fire; the rules are the same DRL as every check's. The verdict is stored
     * like any other, in the caller's transaction when there is one.
     *
     * @param repId on whose behalf the e-mail goes (stored with the verdict; may be null)
     */
    @Transactional
    @WithSpan("closeloop.guardrails.check-recipients")
    public CheckResult checkRecipients(Long repId, Long accountId, List<String> recipients, String subjectKind, String subjectId) {
        DraftInput email = new DraftInput("EMAIL", accountId, recipients, null, null, List.of(), List.of());
        List<FiredRule> fired = engine.evaluate(extractor.recipientsOnly(email, contexts.recipients(accountId, email.recipients())));
        Verdict verdict = GuardrailEngine.verdictOf(fired);
        GuardrailVerdict stored = log.record(subjectKind, subjectId, repId, accountId, verdict, fired);
        return new CheckResult(stored.id, verdict, fired, null, null, null, stored.traceId);
    }

    /**
     * Starts reading, on a worker, the part of a future check's context that does not depend on the
     * output's text (rep, account, team, price book, the recipients' contacts): an LLM agent calls it
     * before the model writes, so the check after the model answers reads only the contacts its text
     * names. Read in its own read-only transaction; the account's visibility is checked as in
     * {@link #check}, and a failure here only means the check reads everything itself.
     */
    public CompletableFuture<ReviewContextLoader.Base> prefetch(Rep rep, Long accountId, List<String> recipients) {
        return CompletableFuture.supplyAsync(Context.current().wrapSupplier(() -> contexts.base(rep, accountId, List.copyOf(recipients))), ahead);
    }

    private static ReviewContextLoader.Base readAhead(CompletableFuture<ReviewContextLoader.Base> ahead, Rep rep, DraftInput draft) {
        if (ahead == null) {
            return null;
        }
        try {
            ReviewContextLoader.Base base = ahead.join();
            return base.serves(rep, draft) ? base : null;
        } catch (CompletionException | CancellationException e) {
            return null; // read again in the check's own transaction, which fails the same way if the account is not visible
        }
    }

    private CheckResult checkAndRecord(Rep rep, DraftInput draft, String subjectKind, String subjectId, ReviewContextLoader.Base base) {
        ReviewContext context = base == null ? contexts.load(rep, draft, LocalDate.now(clock)) : contexts.complete(base, draft, LocalDate.now(clock));
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
