package io.closeloop.crm.imports;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The state of one upload across its rows: who imports, how to read dates, the owners already
 * resolved, and which record each earlier row of the file wrote (to recognise duplicates).
 * Holds ids only: every row runs in its own transaction and loads its entities afresh.
 */
final class ImportRun {

    /** An owner cell resolved to a user, or why it could not be. */
    record Owner(Long repId, String problem) {
    }

    private final AccountScope scope;
    private final long actorId;
    private final DateOrder dateOrder;
    private final Map<String, Owner> owners = new HashMap<>();
    private final Map<Long, Long> rowByRecord = new HashMap<>();

    ImportRun(AccountScope scope, long actorId, DateOrder dateOrder) {
        this.scope = scope;
        this.actorId = actorId;
        this.dateOrder = dateOrder;
    }

    DateOrder dateOrder() {
        return dateOrder;
    }

    /** The importing user, loaded in the current transaction. */
    Rep actor() {
        return Rep.findById(actorId);
    }

    /** The owner, when the importing user may give records to them (see {@link AccountScope#checkCanAssign}). */
    Rep assignable(ImportRow row, Rep actor, Rep owner) {
        try {
            scope.checkCanAssign(actor, owner);
            return owner;
        } catch (ProblemException e) {
            throw row.reject(ImportField.OWNER, e.getMessage());
        }
    }

    /** For an existing record: the different owner the row names, when the actor may assign to them. */
    Optional<Rep> reassignment(ImportRow row, Rep actor, Rep current, RowChanges changes) {
        Optional<Rep> owner = owner(row, changes, "the owner was left as it is")
                .filter(o -> current == null || !o.id.equals(current.id));
        owner.ifPresent(o -> {
            assignable(row, actor, o);
            changes.changed(ImportField.OWNER);
        });
        return owner;
    }

    /**
     * The user an owner cell names, by e-mail, username or full name (case-insensitive), or
     * empty with a remark when the cell is filled but names no active user.
     */
    Optional<Rep> owner(ImportRow row, RowChanges changes, String whenUnknown) {
        String cell = row.text(ImportField.OWNER);
        if (cell == null) {
            return Optional.empty();
        }
        Owner owner = owners.computeIfAbsent(cell.toLowerCase(Locale.ROOT), ImportRun::resolve);
        if (owner.repId() == null) {
            changes.note(ImportField.OWNER, "'" + cell + "' " + owner.problem() + "; " + whenUnknown);
            return Optional.empty();
        }
        return Optional.of(Rep.findById(owner.repId()));
    }

    /**
     * An earlier row of this file already wrote this record: an identical row is a harmless
     * duplicate (noted), a row that would change it again is rejected, so the file's result does
     * not depend on row order and importing it twice changes nothing.
     */
    void checkDuplicate(Long recordId, ImportRow row, RowChanges changes) {
        Long earlier = rowByRecord.get(recordId);
        if (earlier == null || earlier == row.number()) {
            return;
        }
        if (!changes.isEmpty()) {
            ImportField first = changes.fields().iterator().next();
            throw row.reject(first, "duplicate of row " + earlier + " with different values in "
                    + String.join(", ", changes.columns()));
        }
        changes.note(first(row), "duplicate of row " + earlier + "; nothing to change");
    }

    /** Remembers which row wrote a record (after its transaction committed). */
    void wrote(Long recordId, long rowNumber) {
        if (recordId != null) {
            rowByRecord.putIfAbsent(recordId, rowNumber);
        }
    }

    private static ImportField first(ImportRow row) {
        for (ImportField field : List.of(ImportField.EXTERNAL_ID, ImportField.EMAIL, ImportField.DOMAIN, ImportField.NAME)) {
            if (row.has(field)) {
                return field;
            }
        }
        return ImportField.NAME;
    }

    private static Owner resolve(String key) {
        List<Rep> reps = Rep.list("lower(email) = ?1 or lower(username) = ?1 or lower(fullName) = ?1", key);
        List<Rep> exact = reps.stream().filter(r -> r.email.equalsIgnoreCase(key) || r.username.equalsIgnoreCase(key)).toList();
        List<Rep> candidates = exact.isEmpty() ? reps : exact;
        if (candidates.isEmpty()) {
            return new Owner(null, "is not a Closeloop user");
        }
        if (candidates.size() > 1) {
            return new Owner(null, "names " + candidates.size() + " users (" + candidates.stream().map(r -> r.username)
                    .sorted().collect(Collectors.joining(", ")) + "); use the e-mail address");
        }
        Rep rep = candidates.get(0);
        return rep.active ? new Owner(rep.id, null) : new Owner(null, "is not an active user");
    }
}
