package io.closeloop.actions.action;

import io.closeloop.actions.feedback.FeedbackRecorder;
import io.closeloop.actions.feedback.RejectionReason;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * Turns a {@link DraftRequest} into a queued action: validates it, resolves whose queue it goes
 * to (the owner, else the team), runs the guardrails, and stores it. Drafting twice with the same
 * dedupe key returns the first action, also when two instances draft at the same moment.
 */
@ApplicationScoped
public class ActionDrafts {

    private final ActionLifecycle lifecycle;
    private final DraftValidator validator;
    private final Instance<ActionGuard> guards;
    private final FeedbackRecorder feedback;
    private final ActionsConfig config;

    public ActionDrafts(ActionLifecycle lifecycle, DraftValidator validator, Instance<ActionGuard> guards,
            FeedbackRecorder feedback, ActionsConfig config) {
        this.lifecycle = lifecycle;
        this.validator = validator;
        this.guards = guards;
        this.feedback = feedback;
        this.config = config;
    }

    /** The result: the action and whether this call created it. */
    public record Drafted(Action action, boolean created) {
    }

    @WithSpan("closeloop.actions.draft")
    @Transactional(Transactional.TxType.MANDATORY)
    public Drafted draft(DraftRequest request, Rep actor) {
        if (request.dedupeKey() != null) {
            Action.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                    .setParameter("key", request.dedupeKey()).getSingleResult();
            Optional<Action> existing = Action.find("dedupeKey", request.dedupeKey()).firstResultOptional();
            if (existing.isPresent()) {
                return new Drafted(existing.get(), false);
            }
        }
        DraftValidator.Resolved target = validator.validate(request, actor);
        Rep owner = owner(request, target.account());
        Team team = team(owner, target.account());
        DraftRequest checked = guard(reviewer(owner, actor, team), request.resolved(target.account().id, target.oldValue()));
        Action action = new Action();
        action.type = checked.type();
        action.account = target.account();
        action.contact = target.contact();
        action.deal = target.deal();
        action.owner = owner;
        action.team = team;
        action.recipients = new ArrayList<>(checked.recipients());
        action.subject = action.draftSubject = checked.subject();
        action.body = action.draftBody = checked.body();
        action.fieldName = checked.fieldName();
        action.oldValue = target.oldValue();
        action.newValue = checked.newValue();
        action.dueDate = checked.dueDate();
        action.origin = checked.origin();
        action.originRef = checked.originRef();
        action.agent = checked.agent();
        action.route = checked.route();
        action.evidenceInteractionIds = new ArrayList<>(checked.evidenceInteractionIds());
        action.guardrailVerdict = checked.guardrail().verdict();
        action.guardrailVerdictId = checked.guardrail().verdictId();
        action.guardrailRules = new ArrayList<>(checked.guardrail().rules());
        action.dedupeKey = checked.dedupeKey();
        action.eventAt = checked.eventAt();
        action.expiresAt = Instant.now().plus(config.draftTtl());
        String traceId = Span.current().getSpanContext().getTraceId();
        action.traceId = Span.current().getSpanContext().isValid() ? traceId : null;
        lifecycle.create(action, actor);
        if (checked.guardrail().blocks()) {
            action.decidedAt = Instant.now();
            lifecycle.move(action, ActionStatus.REJECTED, null, "blocked by guardrails " + action.guardrailRules);
            feedback.rejected(action, null, RejectionReason.GUARDRAIL_BLOCKED, String.join(", ", action.guardrailRules));
        } else if (checked.guardrail().needsApproval()) {
            lifecycle.move(action, ActionStatus.NEEDS_APPROVAL, null, "guardrails require a manager's approval");
        }
        return new Drafted(action, true);
    }

    /** Runs the guardrails unless the drafter already did (the chat checks its proposals before handing them over). */
    private DraftRequest guard(Rep reviewer, DraftRequest request) {
        if (!"UNCHECKED".equals(request.guardrail().verdict()) || !guards.isResolvable()) {
            return request;
        }
        if (reviewer == null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "Nobody's rules can check this draft: it has no owner, no drafting user,"
                    + " and its team has no active manager");
        }
        ActionGuard.Review review = guards.get().review(reviewer, request);
        return request.withGuardrail(review.check(), review.repairedSubject(), review.repairedBody());
    }

    /** Whose rules apply: the owner's, else the drafting user's, else (a team-queue draft from a signal) the team manager's. */
    private static Rep reviewer(Rep owner, Rep actor, Team team) {
        if (owner != null) {
            return owner;
        }
        if (actor != null) {
            return actor;
        }
        return team == null ? null
                : Rep.<Rep>find("team = ?1 and role = ?2 and active = true order by id", team, RepRole.MANAGER.name()).firstResult();
    }

    private static Rep owner(DraftRequest request, Account account) {
        if (request.ownerId() != null) {
            Rep rep = Rep.findById(request.ownerId());
            if (rep == null || !rep.active) {
                throw ProblemException.invalidField("ownerId", "no active user with this id");
            }
            return rep;
        }
        return account == null ? null : account.owner;
    }

    private Team team(Rep owner, Account account) {
        if (owner != null && owner.team != null) {
            return owner.team;
        }
        if (account != null && !account.sharedWith.isEmpty()) {
            return account.sharedWith.stream().min(Comparator.comparing(t -> t.id)).orElseThrow();
        }
        if (owner != null) {
            return null;
        }
        return config.defaultTeam().map(Team::named).orElseThrow(() -> new ProblemException(ProblemType.UNPROCESSABLE,
                "Nobody can receive this action: the account has no owner, is shared with no team, and closeloop.actions.default-team is not set"));
    }
}
