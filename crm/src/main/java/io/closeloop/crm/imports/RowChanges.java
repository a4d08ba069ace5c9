package io.closeloop.crm.imports;

import io.closeloop.crm.imports.ImportReport.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The changes one row makes to one record. A value is written only when it differs from what
 * is stored (amounts compared by value, so "100" and "100.00" are the same), so that an
 * unchanged row leaves the record untouched: no version bump, no event.
 */
final class RowChanges {

    private final ImportRow row;
    private final Set<ImportField> changed = new LinkedHashSet<>();
    private final List<RowOutcome.Remark> notes = new ArrayList<>();

    RowChanges(ImportRow row) {
        this.row = row;
    }

    /** Writes {@code next} when it is given and differs from {@code current}; blank never clears. */
    <T> void set(ImportField field, T current, T next, Consumer<T> writer) {
        if (next != null && !same(current, next)) {
            writer.accept(next);
            changed.add(field);
        }
    }

    void changed(ImportField field) {
        changed.add(field);
    }

    void note(ImportField field, String note) {
        notes.add(new RowOutcome.Remark(row.column(field), note));
    }

    boolean isEmpty() {
        return changed.isEmpty();
    }

    Set<ImportField> fields() {
        return changed;
    }

    RowOutcome created(Long id) {
        return new RowOutcome(Outcome.CREATED, id, columns(), notes);
    }

    RowOutcome done(Long id) {
        return new RowOutcome(changed.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, id, columns(), notes);
    }

    List<String> columns() {
        return changed.stream().map(row::column).toList();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }
}
