package io.closeloop.guardrails.loop;

import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.catalogue.Verdict;
import io.closeloop.guardrails.check.CheckResult;
import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import io.closeloop.kernel.ratelimit.RateLimitedException;
import io.closeloop.guardrails.check.GuardrailService;
import io.closeloop.guardrails.check.ReviewContextLoader;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Validate, revise once, validate again, then fall back. A blocked output goes back to its
 * author (a {@link DraftReviser}) with the violations; the revision is checked like the original;
 * if it is still blocked, or the reviser fails, a safe fallback that states no claims replaces it.
 * Automatic repairs are applied to whatever is handed on. Every check is stored.
 */
@ApplicationScoped
public class ValidateAndRepairLoop {

    private static final Logger LOG = Logger.getLogger(ValidateAndRepairLoop.class);

    private final GuardrailService guardrails;

    public ValidateAndRepairLoop(GuardrailService guardrails) {
        this.guardrails = guardrails;
    }

    public GuardedOutput run(Rep rep, DraftInput draft, String subjectKind, String subjectId, DraftReviser reviser) {
        return run(rep, draft, subjectKind, subjectId, reviser, null);
    }

    /** As {@link #run(Rep, DraftInput, String, String, DraftReviser)}, both checks using the context read ahead ({@link GuardrailService#prefetch}). */
    public GuardedOutput run(Rep rep, DraftInput draft, String subjectKind, String subjectId, DraftReviser reviser,
            CompletableFuture<ReviewContextLoader.Base> ahead) {
        CheckResult first = guardrails.check(rep, draft, subjectKind, subjectId, ahead);
        if (first.verdict() != Verdict.BLOCK) {
            return new GuardedOutput(repaired(draft, first), first, 0, false);
        }
        DraftInput revised;
        try {
            revised = reviser.revise(draft, first.violations());
        } catch (RateLimitedException e) {
            throw e; // the rep's own limit stops the revision: they are told so (429, Retry-After), not that the rules could not be met
        } catch (RuntimeException e) {
            LOG.warnf(e, "The reviser failed on %s %s; using the safe fallback", subjectKind, subjectId);
            return fallback(draft, first, 0);
        }
        if (revised == null) {
            return fallback(draft, first, 0);
        }
        CheckResult second = guardrails.check(rep, revised, subjectKind, subjectId, ahead);
        if (second.verdict() != Verdict.BLOCK) {
            return new GuardedOutput(repaired(revised, second), second, 1, false, List.of(first, second));
        }
        GuardedOutput fallback = fallback(revised, second, 1);
        return new GuardedOutput(fallback.output(), second, 1, true, List.of(first, second));
    }

    private static DraftInput repaired(DraftInput draft, CheckResult check) {
        if (check.repairedBody() == null && check.repairedSubject() == null) {
            return draft;
        }
        return draft.withText(check.repairedSubject() != null ? check.repairedSubject() : draft.subject(),
                check.repairedBody() != null ? check.repairedBody() : draft.body());
    }

    /**
     * The safe fallback: no generated text goes out; the rep gets a plain notice naming the rules
     * that blocked the output so they can write it themselves. It keeps no recipients or changes.
     */
    static GuardedOutput fallback(DraftInput blocked, CheckResult check, int revisions) {
        List<FiredRule> reasons = check.violations();
        String body = "The assistant could not produce a version that passes the company's rules, so nothing was drafted. "
                + "Blocked by: " + reasons.stream().map(r -> r.id() + " " + r.message()).collect(Collectors.joining("; "))
                + ". Please write this one yourself.";
        DraftInput notice = new DraftInput("NOTE", blocked.accountId(), List.of(), "Draft withheld by guardrails", body,
                List.of(), List.of());
        return new GuardedOutput(notice, check, revisions, true);
    }
}
