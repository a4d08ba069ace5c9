package io.closeloop.actions.action;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an action:
 * DRAFTED -> (NEEDS_APPROVAL -> APPROVED_BY_MANAGER) -> APPROVED | EDITED_AND_APPROVED | REJECTED | EXPIRED
 * -> EXECUTING -> EXECUTED | FAILED. A FAILED action with a next attempt time is retried.
 */
public enum ActionStatus {
    DRAFTED, NEEDS_APPROVAL, APPROVED_BY_MANAGER, APPROVED, EDITED_AND_APPROVED, REJECTED, EXPIRED, EXECUTING,
    EXECUTED, FAILED;

    /** Waiting for the rep's decision (the queue). */
    public static final Set<ActionStatus> OPEN = EnumSet.of(DRAFTED, APPROVED_BY_MANAGER);

    /** Waiting for someone: the rep, or the manager first. */
    public static final Set<ActionStatus> PENDING = EnumSet.of(DRAFTED, NEEDS_APPROVAL, APPROVED_BY_MANAGER);

    /** Approved, to be executed. */
    public static final Set<ActionStatus> READY = EnumSet.of(APPROVED, EDITED_AND_APPROVED);

    /** The allowed next states. */
    public Set<ActionStatus> next() {
        return switch (this) {
            case DRAFTED -> EnumSet.of(NEEDS_APPROVAL, APPROVED, EDITED_AND_APPROVED, REJECTED, EXPIRED);
            case NEEDS_APPROVAL -> EnumSet.of(APPROVED_BY_MANAGER, REJECTED, EXPIRED);
            case APPROVED_BY_MANAGER -> EnumSet.of(APPROVED, EDITED_AND_APPROVED, REJECTED, EXPIRED);
            case APPROVED, EDITED_AND_APPROVED -> EnumSet.of(EXECUTING);
            case EXECUTING -> EnumSet.of(EXECUTED, FAILED, EXECUTING);
            case FAILED -> EnumSet.of(EXECUTING);
            case REJECTED, EXPIRED, EXECUTED -> EnumSet.noneOf(ActionStatus.class);
        };
    }

    public boolean canMoveTo(ActionStatus to) {
        return next().contains(to);
    }
}
