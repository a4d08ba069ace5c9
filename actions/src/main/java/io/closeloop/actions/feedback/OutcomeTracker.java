package io.closeloop.actions.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Attaches outcomes to decided actions (accepted, edited, rejected or expired alike): a deal that
 * moved, was won or lost, or a customer who replied, within the window after the decision.
 * Idempotent: an outcome is unique per action, kind and source event.
 */
@ApplicationScoped
public class OutcomeTracker {

    private static final String DECIDED = "('APPROVED', 'EDITED_AND_APPROVED', 'REJECTED', 'EXPIRED', 'EXECUTING', 'EXECUTED', 'FAILED')";

    private final EntityManager em;
    private final FeedbackConfig config;

    public OutcomeTracker(EntityManager em, FeedbackConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * A deal changed stage: every action on the deal decided within the window before the change
     * (its time taken from the stage history, not from when the event arrived) gets the outcome.
     * A deal's creation ({@code fromStage} null) is no move.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int dealMoved(long dealId, String fromStage, String toStage, String sourceKey) {
        if (fromStage == null) {
            return 0;
        }
        Object changedAt = em.createNativeQuery(
                "select max(changed_at) from deal_stage_history where deal_id = :d and to_stage = :to")
                .setParameter("d", dealId).setParameter("to", toStage).getSingleResult();
        Instant at = changedAt == null ? Instant.now() : changedAt instanceof Timestamp t ? t.toInstant()
                : changedAt instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) changedAt;
        OutcomeKind kind = "CLOSED_WON".equals(toStage) ? OutcomeKind.DEAL_WON
                : "CLOSED_LOST".equals(toStage) ? OutcomeKind.DEAL_LOST : OutcomeKind.DEAL_STAGE_MOVED;
        return attach("a.deal_id = :target", dealId, kind, "to " + toStage, at, sourceKey);
    }

    /** The customer wrote to the account: e-mail actions to it decided within the window count as replied. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int customerReplied(long accountId, Long contactId, Instant at, String sourceKey) {
        String who = contactId == null ? "a.account_id = :target" : "a.account_id = :target and (a.contact_id is null or a.contact_id = " + contactId + ")";
        return attach(who + " and a.type = 'EMAIL'", accountId, OutcomeKind.CUSTOMER_REPLIED, null, at, sourceKey);
    }

    private int attach(String where, long target, OutcomeKind kind, String detail, Instant at, String sourceKey) {
        return em.createNativeQuery("""
                insert into action_outcome (action_id, kind, at, detail, source_key)
                select a.id, :kind, :at, :detail, :source from action a
                where %s and a.status in %s
                  and a.decided_at is not null and a.decided_at <= :at and a.decided_at >= :since
                on conflict do nothing""".formatted(where, DECIDED))
                .setParameter("target", target).setParameter("kind", kind.name()).setParameter("at", Timestamp.from(at))
                .setParameter("detail", detail).setParameter("source", sourceKey)
                .setParameter("since", Timestamp.from(at.minus(config.outcomeWindow())))
                .executeUpdate();
    }
}
