package io.closeloop.crm.imports;

import io.closeloop.crm.imports.ImportReport.Outcome;
import java.util.List;

/**
 * What applying one row did: the outcome, the record it touched, the columns it changed and
 * any remarks.
 */
public record RowOutcome(Outcome outcome, Long id, List<String> columns, List<Remark> notes) {

    /** A remark on an applied row, about one column. */
    public record Remark(String column, String note) {
    }
}
