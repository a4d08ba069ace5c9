package io.closeloop.crm.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, row by row. Rows are numbered as a spreadsheet shows them (the header is
 * row 1); blank rows are skipped and not counted. Unchanged rows appear only in the count.
 *
 * @param kind           accounts, contacts or deals
 * @param rows           data rows read
 * @param ignoredColumns headers the import does not understand (their values were not imported)
 * @param changes        each created or updated row with the record id and the columns it changed
 * @param rejections     each rejected row with the column and the reason; nothing of it was stored
 * @param notes          remarks on applied rows (an unknown owner, a duplicate of an earlier row)
 */
public record ImportReport(String kind, int rows, int created, int updated, int unchanged, int rejected,
        List<String> ignoredColumns, List<Change> changes, List<Rejection> rejections, List<Note> notes) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    public record Change(long row, Outcome outcome, Long id, List<String> columns) {
    }

    public record Rejection(long row, String column, String reason) {
    }

    public record Note(long row, String column, String note) {
    }

    /** Collects the rows of one import. */
    static final class Builder {
        private final ImportKind kind;
        private final List<String> ignoredColumns;
        private final List<Change> changes = new ArrayList<>();
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private int rows;
        private int created;
        private int updated;
        private int unchanged;

        Builder(ImportKind kind, List<String> ignoredColumns) {
            this.kind = kind;
            this.ignoredColumns = ignoredColumns;
        }

        void applied(long row, RowOutcome outcome) {
            rows++;
            switch (outcome.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            if (outcome.outcome() != Outcome.UNCHANGED) {
                changes.add(new Change(row, outcome.outcome(), outcome.id(), outcome.columns()));
            }
            outcome.notes().forEach(n -> notes.add(new Note(row, n.column(), n.note())));
        }

        void rejected(long row, String column, String reason) {
            rows++;
            rejections.add(new Rejection(row, column, reason));
        }

        ImportReport build() {
            return new ImportReport(kind.path(), rows, created, updated, unchanged, rejections.size(),
                    ignoredColumns, changes, rejections, notes);
        }
    }
}
