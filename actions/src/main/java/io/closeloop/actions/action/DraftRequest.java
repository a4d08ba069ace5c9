package io.closeloop.actions.action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything needed to draft an action, independent of the layer that proposes it (router,
 * signal detectors, REST clients).
 *
 * @param ownerId    the rep whose queue it goes to; null = the account owner, or the team queue
 * @param dedupeKey  drafting twice with the same key returns the first action (redelivery-safe)
 * @param eventAt    when the triggering event happened, for event-to-queue latency
 */
public record DraftRequest(ActionType type, Long accountId, Long contactId, Long dealId, Long ownerId,
        List<String> recipients, String subject, String body, String fieldName, String oldValue, String newValue,
        LocalDate dueDate, ActionOrigin origin, String originRef, String agent, String route,
        List<Long> evidenceInteractionIds, GuardrailCheck guardrail, String dedupeKey, Instant eventAt) {

    public DraftRequest {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        evidenceInteractionIds = evidenceInteractionIds == null ? List.of() : List.copyOf(evidenceInteractionIds);
        guardrail = guardrail == null ? GuardrailCheck.UNCHECKED : guardrail;
    }

    public DraftRequest withGuardrail(GuardrailCheck check, String repairedSubject, String repairedBody) {
        return new DraftRequest(type, accountId, contactId, dealId, ownerId, recipients,
                repairedSubject == null ? subject : repairedSubject, repairedBody == null ? body : repairedBody,
                fieldName, oldValue, newValue, dueDate, origin, originRef, agent, route, evidenceInteractionIds, check,
                dedupeKey, eventAt);
    }

    /** The same request with its account and the changed field's current value as resolved by validation. */
    public DraftRequest resolved(Long resolvedAccountId, String currentValue) {
        return new DraftRequest(type, resolvedAccountId, contactId, dealId, ownerId, recipients, subject, body, fieldName,
                currentValue, newValue, dueDate, origin, originRef, agent, route, evidenceInteractionIds, guardrail, dedupeKey, eventAt);
    }
}
