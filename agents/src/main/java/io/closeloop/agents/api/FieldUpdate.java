package io.closeloop.agents.api;

import java.util.List;

/**
 * A change of one field of a CRM record ({@code entity} is {@code deal}, {@code account} or
 * {@code contact}), with the value it has now and the proposed one, both as strings in the API's
 * format (ISO dates, plain decimals, enum names) and the record's version for optimistic locking.
 */
public record FieldUpdate(String entity, long entityId, int version, String field, String currentValue, String proposedValue,
        List<Long> evidenceIds, String rationale) implements ProposedAction {

    public FieldUpdate {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
