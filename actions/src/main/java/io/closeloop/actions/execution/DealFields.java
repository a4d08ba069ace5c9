package io.closeloop.actions.execution;

import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The deal fields an action may change, read and parsed in one place. */
public final class DealFields {

    public static final List<String> NAMES = List.of("stage", "amount", "closeDate", "name");

    private DealFields() {
    }

    public static boolean supports(String field) {
        return field != null && NAMES.contains(field);
    }

    /** Why the value is not valid for the field, or null when it is. */
    public static String checkValue(String field, String value) {
        if (value == null || value.isBlank()) {
            return "must not be blank";
        }
        try {
            switch (field) {
                case "stage" -> DealStage.valueOf(value);
                case "amount" -> {
                    if (new BigDecimal(value).signum() < 0) {
                        return "must not be negative";
                    }
                }
                case "closeDate" -> LocalDate.parse(value);
                default -> {
                }
            }
            return null;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return switch (field) {
                case "stage" -> "must be one of " + List.of(DealStage.values());
                case "amount" -> "must be a decimal number";
                default -> "must be a date (yyyy-mm-dd)";
            };
        }
    }

    public static String read(Deal deal, String field) {
        Object value = switch (field) {
            case "stage" -> deal.stage;
            case "amount" -> deal.amount == null ? null : deal.amount.toPlainString();
            case "closeDate" -> deal.closeDate;
            case "name" -> deal.name;
            default -> throw new IllegalArgumentException(field);
        };
        return value == null ? null : value.toString();
    }

    /** Sets a non-stage field (the stage goes through the CRM's stage changes). */
    static void write(Deal deal, String field, String value) {
        switch (field) {
            case "amount" -> deal.amount = new BigDecimal(value);
            case "closeDate" -> deal.closeDate = LocalDate.parse(value);
            case "name" -> deal.name = value.trim();
            default -> throw new IllegalArgumentException(field);
        }
    }
}
