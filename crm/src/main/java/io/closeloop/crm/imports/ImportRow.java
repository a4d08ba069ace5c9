package io.closeloop.crm.imports;

import io.closeloop.crm.match.Normalize;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One data row of a CSV file, read by field: the first non-blank cell among the columns that
 * mean the field, trimmed. Typed reads reject the row with the file's column name and a reason.
 */
public final class ImportRow {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private final long number;
    private final Map<ImportField, String> values;
    private final Map<ImportField, String> columns;

    /**
     * @param number  the row number as a spreadsheet shows it (the header is row 1)
     * @param values  field to trimmed non-blank value
     * @param columns field to the header its value came from (or its first header when blank)
     */
    ImportRow(long number, Map<ImportField, String> values, Map<ImportField, String> columns) {
        this.number = number;
        this.values = values;
        this.columns = columns;
    }

    public long number() {
        return number;
    }

    /** The file's name for the column of this field, or Closeloop's name when the file has none. */
    public String column(ImportField field) {
        return columns.getOrDefault(field, field.apiName());
    }

    public boolean has(ImportField field) {
        return values.containsKey(field);
    }

    public RowRejected reject(ImportField field, String reason) {
        return new RowRejected(column(field), reason);
    }

    /** The trimmed value, or null when blank or absent. */
    public String text(ImportField field) {
        return values.get(field);
    }

    public String text(ImportField field, int maxLength) {
        String value = values.get(field);
        if (value != null && value.length() > maxLength) {
            throw reject(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    public String required(ImportField field, int maxLength) {
        String value = text(field, maxLength);
        if (value == null) {
            throw reject(field, "must not be blank");
        }
        return value;
    }

    public Money money(ImportField field) {
        String value = values.get(field);
        try {
            return value == null ? null : Money.parse(value);
        } catch (IllegalArgumentException e) {
            throw reject(field, e.getMessage());
        }
    }

    public LocalDate date(ImportField field, DateOrder order) {
        String value = values.get(field);
        try {
            return value == null ? null : ExportDates.parse(value, order);
        } catch (IllegalArgumentException e) {
            throw reject(field, e.getMessage());
        }
    }

    /** The normalised address, or null when blank; rejects what is not an address. */
    public String email(ImportField field) {
        String value = text(field, 254);
        if (value == null) {
            return null;
        }
        String email = Normalize.email(value);
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[a-z0-9-]{2,}")) {
            throw reject(field, "'" + value + "' is not an e-mail address");
        }
        return email;
    }

    /** The normalised domain ("https://www.Acme.com/" is "acme.com"), or null when blank. */
    public String domain(ImportField field) {
        String value = text(field, 253);
        if (value == null) {
            return null;
        }
        String domain = Normalize.domain(value);
        if (domain == null) {
            throw reject(field, "'" + value + "' is not a web domain");
        }
        return domain;
    }

    /** true, false, or null when blank. */
    public Boolean flag(ImportField field) {
        String value = values.get(field);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw reject(field, "'" + value + "' is not true or false");
    }
}
