package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/**
 * A proposed change to a CRM record. For a deal stage, {@code stageStep} is how many stages it
 * moves forward (negative: backwards; a move to CLOSED_LOST counts as one step); for a deal
 * amount, {@code changePct} is the absolute relative change in percent.
 */
public record FieldChangeFact(String entity, Long entityId, String field, String oldValue, String newValue,
        Integer stageStep, BigDecimal changePct) {
}
