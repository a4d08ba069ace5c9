package io.closeloop.app.audit;

import io.closeloop.actions.action.ActionChanged;
import io.closeloop.actions.action.ActionEvent;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Audits decisions and executions of actions by observing {@link ActionChanged}, which
 * {@code ActionLifecycle} fires inside the transaction of every transition (after writing the
 * {@code action_event} row): the audit entry commits exactly when the transition does. The actor
 * is the transition's recorded actor ({@code system} for the executor and guardrail blocks).
 * Drafting, queueing, NEEDS_APPROVAL, EXECUTING and EXPIRED are not audited here (they are in
 * {@code action_event}); the audit log keeps what people decide and what the service did.
 */
@ApplicationScoped
public class ActionAuditObserver {

    private final AuditLog audit;

    public ActionAuditObserver(AuditLog audit) {
        this.audit = audit;
    }

    void onTransition(@Observes ActionChanged changed) {
        ActionStatus to = changed.action().status();
        AuditAction kind;
        String outcome;
        switch (to) {
            case APPROVED -> { kind = AuditAction.APPROVAL; outcome = "approved"; }
            case EDITED_AND_APPROVED -> { kind = AuditAction.APPROVAL; outcome = "edited-and-approved"; }
            case APPROVED_BY_MANAGER -> { kind = AuditAction.APPROVAL; outcome = "manager-approved"; }
            case REJECTED -> { kind = AuditAction.REJECTION; outcome = "rejected"; }
            case EXECUTED -> { kind = AuditAction.EXECUTION; outcome = "executed"; }
            case FAILED -> { kind = AuditAction.EXECUTION; outcome = "failed"; }
            default -> { return; }
        }
        ActionEvent event = ActionEvent.find("actionId = ?1 order by id desc", changed.action().id()).firstResult();
        Rep actor = event == null || event.actorId == null ? null : Rep.findById(event.actorId);
        StringBuilder detail = new StringBuilder().append(changed.action().type()).append(' ')
                .append(changed.from()).append(" -> ").append(to);
        if (to == ActionStatus.FAILED && changed.action().lastError() != null) {
            detail.append(": ").append(changed.action().lastError());
        } else if (to == ActionStatus.REJECTED && actor == null && event != null && event.note != null) {
            detail.append(": ").append(event.note);
        }
        audit.record(actor == null ? "system" : actor.username, kind, "action:" + changed.action().id(), outcome, detail.toString());
    }
}
