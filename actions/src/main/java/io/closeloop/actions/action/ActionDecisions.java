package io.closeloop.actions.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.actions.execution.DealFields;
import io.closeloop.actions.feedback.FeedbackRecorder;
import io.closeloop.actions.feedback.FeedbackRecorder.Change;
import io.closeloop.actions.feedback.RejectionReason;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.FieldError;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.StaleObjectStateException;

/**
 * A person's decisions on actions: approve (with or without edits), reject with a reason, and a
 * manager's approval of what the guardrails held back. Each decision names the version the
 * person saw. Repeating a decision that already took effect from that version (a double click,
 * a retried request) returns the action unchanged instead of deciding twice.
 */
@ApplicationScoped
public class ActionDecisions {

    private static final Set<ActionStatus> APPROVALS = EnumSet.of(ActionStatus.APPROVED, ActionStatus.EDITED_AND_APPROVED);

    private final ActionAccess access;
    private final ActionLifecycle lifecycle;
    private final FeedbackRecorder feedback;
    private final ObjectMapper json;
    private final DraftValidator validator;
    private final Instance<ActionGuard> guards;

    public ActionDecisions(ActionAccess access, ActionLifecycle lifecycle, FeedbackRecorder feedback, ObjectMapper json,
            DraftValidator validator, Instance<ActionGuard> guards) {
        this.validator = validator;
        this.guards = guards;
        this.access = access;
        this.lifecycle = lifecycle;
        this.feedback = feedback;
        this.json = json;
    }

    public ActionView approve(Rep actor, Long id, Decision decision) {
        return decide(actor, id, decision, APPROVALS, action -> {
            if (action.status == ActionStatus.NEEDS_APPROVAL) {
                throw ProblemException.forbidden("Action " + id + " needs a manager's approval first");
            }
            claimIfTeamQueued(action, actor);
            String before = lifecycle.snapshot(action);
            String draftText = action.text();
            boolean managerApproved = action.status == ActionStatus.APPROVED_BY_MANAGER;
            List<Change> changes = applyEdits(action, decision);
            if (!changes.isEmpty()) {
                recheck(actor, action, changes, managerApproved);
            }
            action.decidedAt = Instant.now();
            action.decidedBy = Rep.findById(actor.id);
            if (changes.isEmpty()) {
                lifecycle.move(action, ActionStatus.APPROVED, actor, null, before);
                feedback.accepted(action, actor);
            } else {
                lifecycle.move(action, ActionStatus.EDITED_AND_APPROVED, actor, "edited " + changes.stream().map(Change::field).toList(), before);
                feedback.edited(action, actor, draftText, changes);
            }
        });
    }

    public ActionView reject(Rep actor, Long id, Decision decision) {
        if (decision.reason() == null) {
            throw ProblemException.invalidField("reason", "is required: one of WRONG_FACTS, WRONG_TONE, WRONG_RECIPIENT, NOT_NEEDED_NOW, OTHER");
        }
        if (decision.reason() == RejectionReason.GUARDRAIL_BLOCKED) {
            throw ProblemException.invalidField("reason", "GUARDRAIL_BLOCKED is set by the guardrails, not by people");
        }
        if (decision.reason() == RejectionReason.OTHER && (decision.reasonText() == null || decision.reasonText().isBlank())) {
            throw ProblemException.invalidField("reasonText", "is required when the reason is OTHER");
        }
        return decide(actor, id, decision, EnumSet.of(ActionStatus.REJECTED), action -> {
            if (action.status == ActionStatus.NEEDS_APPROVAL) {
                access.checkCanApproveAsManager(actor, action);
            }
            claimIfTeamQueued(action, actor);
            String before = lifecycle.snapshot(action);
            action.decidedAt = Instant.now();
            action.decidedBy = Rep.findById(actor.id);
            lifecycle.move(action, ActionStatus.REJECTED, actor, decision.reason().name(), before);
            feedback.rejected(action, actor, decision.reason(), decision.reasonText());
        });
    }

    /** A manager lets an action the guardrails held back go on to the rep's decision. */
    public ActionView approveAsManager(Rep actor, Long id, Decision decision) {
        return decide(actor, id, decision, EnumSet.of(ActionStatus.APPROVED_BY_MANAGER), action -> {
            access.checkCanApproveAsManager(actor, action);
            if (action.status != ActionStatus.NEEDS_APPROVAL) {
                throw ProblemException.conflict("Action " + id + " is " + action.status + ", not waiting for a manager");
            }
            lifecycle.move(action, ActionStatus.APPROVED_BY_MANAGER, actor, "approved by manager " + actor.username);
        });
    }

    /** Runs one decision in its own transaction; a lost race on the version is re-checked as a possible repeat. */
    private ActionView decide(Rep actor, Long id, Decision decision, Set<ActionStatus> outcomes, Step step) {
        if (decision.version() == null) {
            throw ProblemException.invalidField("version", "is required (the version you decided on)");
        }
        Supplier<ActionView> attempt = () -> QuarkusTransaction.requiringNew().call(() -> {
            Action action = access.require(actor, id);
            if (action.version != decision.version()) {
                if (alreadyDecided(action, actor, decision.version(), outcomes)) {
                    return ActionView.of(action);
                }
                throw ProblemException.conflict("Action " + id + " is at version " + action.version + ", not "
                        + decision.version() + ": reload it and decide again");
            }
            step.apply(action);
            return ActionView.of(action);
        });
        try {
            return attempt.get();
        } catch (OptimisticLockException | StaleObjectStateException e) {
            return attempt.get();
        } catch (RuntimeException e) {
            if (causedByLockFailure(e)) {
                return attempt.get();
            }
            throw e;
        }
    }

    /** True when this person already moved the action from that version to one of these outcomes. */
    private boolean alreadyDecided(Action action, Rep actor, int version, Set<ActionStatus> outcomes) {
        for (ActionEvent event : ActionEvent.of(action.id)) {
            if (actor.id.equals(event.actorId) && outcomes.contains(event.toStatus) && event.before != null
                    && versionOf(event.before) == version) {
                return true;
            }
        }
        return false;
    }

    private int versionOf(String snapshot) {
        try {
            JsonNode node = json.readTree(snapshot);
            return node.path("version").asInt(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean causedByLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleObjectStateException) {
                return true;
            }
        }
        return false;
    }

    private static void claimIfTeamQueued(Action action, Rep actor) {
        if (action.owner == null) {
            action.owner = Rep.findById(actor.id);
        }
    }

    /**
     * An edit is what will be executed, so the guardrails check it as they checked the draft, with the
     * approving person's rules (their discount authority, the accounts they see, the contacts' consent
     * now). It goes through when allowed, or when what holds it back is exactly what a manager already
     * approved on this action (same rule, same finding: "15% exceeds the rep's authority of 10%", not a
     * larger discount); otherwise the decision is refused (422, each rule with its remedy) and nothing
     * changes: a repair is shown rather than applied behind the person's back, and an edit that needs
     * a manager's approval the action does not have is not routed to the manager (not built).
     */
    private void recheck(Rep actor, Action action, List<Change> changes, boolean managerApproved) {
        if (!guards.isResolvable()) {
            return;
        }
        ActionGuard.Review review = guards.get().reviewEdit(actor, action);
        GuardrailCheck check = review.check();
        boolean passes = switch (check.verdict()) {
            case "ALLOW" -> true;
            case "NEEDS_APPROVAL" -> managerApproved && guards.get().holding(action.guardrailVerdictId).containsAll(review.holding());
            default -> false;
        };
        if (!passes) {
            String fields = String.join(",", changes.stream().map(Change::field).toList());
            throw new ProblemException(ProblemType.UNPROCESSABLE, "The edited " + action.type.name().toLowerCase(java.util.Locale.ROOT)
                    + " does not pass the guardrails (" + check.verdict() + "); nothing was changed",
                    review.findings().stream().map(f -> new FieldError(fields, f)).toList());
        }
        action.guardrailVerdict = check.verdict();
        action.guardrailVerdictId = check.verdictId();
        action.guardrailRules = new ArrayList<>(check.rules());
    }

    private List<Change> applyEdits(Action action, Decision d) {
        List<Change> changes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (d.recipients() != null && !d.recipients().equals(action.recipients)) {
            if (action.type != ActionType.EMAIL || d.recipients().isEmpty()) {
                errors.add(new FieldError("recipients", action.type != ActionType.EMAIL ? "only e-mails have recipients" : "must not be empty"));
            } else if (!d.recipients().stream().allMatch(validator::isEmailAddress)) {
                errors.add(new FieldError("recipients", "contains something that is not an e-mail address"));
            } else {
                changes.add(new Change("recipients", action.recipients, d.recipients()));
                action.recipients = new ArrayList<>(d.recipients());
            }
        }
        if (d.subject() != null && !d.subject().equals(action.subject)) {
            if (d.subject().isBlank()) {
                errors.add(new FieldError("subject", "must not be blank"));
            } else {
                changes.add(new Change("subject", action.subject, d.subject()));
                action.subject = d.subject();
            }
        }
        if (d.body() != null && !d.body().equals(action.body)) {
            if (d.body().isBlank() && action.type != ActionType.TASK) {
                errors.add(new FieldError("body", "must not be blank"));
            } else {
                changes.add(new Change("body", action.body, d.body()));
                action.body = d.body();
            }
        }
        if (d.newValue() != null && !d.newValue().equals(action.newValue)) {
            String problem = action.type != ActionType.CRM_FIELD_UPDATE ? "only field updates have a new value"
                    : DealFields.checkValue(action.fieldName, d.newValue());
            if (problem != null) {
                errors.add(new FieldError("newValue", problem));
            } else {
                changes.add(new Change("newValue", action.newValue, d.newValue()));
                action.newValue = d.newValue();
            }
        }
        if (d.dueDate() != null && !Objects.equals(d.dueDate(), action.dueDate)) {
            changes.add(new Change("dueDate", action.dueDate, d.dueDate()));
            action.dueDate = d.dueDate();
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.get(0).field() + ": " + errors.get(0).reason(), errors);
        }
        return changes;
    }

    @FunctionalInterface
    private interface Step {
        void apply(Action action);
    }
}
