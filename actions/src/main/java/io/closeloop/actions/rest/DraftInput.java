package io.closeloop.actions.rest;

import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.actions.action.GuardrailCheck;
import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/actions}: a draft proposed by a client (origin API unless it says CHAT). */
public record DraftInput(ActionType type, Long accountId, Long contactId, Long dealId, List<String> recipients,
        String subject, String body, String fieldName, String newValue, LocalDate dueDate, ActionOrigin origin,
        String originRef, String agent, String route, List<Long> evidenceInteractionIds, String dedupeKey) {

    DraftRequest toRequest(Long ownerId) {
        return new DraftRequest(type, accountId, contactId, dealId, ownerId, recipients, subject, body, fieldName, null,
                newValue, dueDate, origin == null ? ActionOrigin.API : origin, originRef, agent, route,
                evidenceInteractionIds, GuardrailCheck.UNCHECKED, dedupeKey, null);
    }
}
