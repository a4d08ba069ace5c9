package io.closeloop.actions.action;

import io.closeloop.crm.rep.RepSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An action as the API shows it. */
public record ActionView(Long id, ActionType type, ActionStatus status, Long accountId, String accountName,
        Long contactId, Long dealId, RepSummary owner, Long teamId, List<String> recipients, String subject,
        String body, String fieldName, String oldValue, String newValue, LocalDate dueDate, ActionOrigin origin,
        String originRef, String agent, String route, List<Long> evidenceInteractionIds, GuardrailCheck guardrail,
        Instant createdAt, Instant queuedAt, Instant decidedAt, Instant executedAt, int attempts, String lastError,
        int version) {

    public static ActionView of(Action a) {
        return new ActionView(a.id, a.type, a.status, a.account == null ? null : a.account.id,
                a.account == null ? null : a.account.name, a.contact == null ? null : a.contact.id,
                a.deal == null ? null : a.deal.id, RepSummary.of(a.owner), a.team == null ? null : a.team.id,
                List.copyOf(a.recipients), a.subject, a.body, a.fieldName, a.oldValue, a.newValue, a.dueDate, a.origin,
                a.originRef, a.agent, a.route, List.copyOf(a.evidenceInteractionIds),
                new GuardrailCheck(a.guardrailVerdict, a.guardrailVerdictId, a.guardrailRules), a.createdAt,
                a.queuedAt, a.decidedAt, a.executedAt, a.attempts, a.lastError, a.version);
    }
}
