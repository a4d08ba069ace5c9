package io.closeloop.guardrails.check;

/** A change an output proposes to a CRM record field, e.g. deal 42 stage PROPOSAL -> CLOSED_WON. */
public record ProposedChange(String entity, Long entityId, String field, String oldValue, String newValue) {
}
