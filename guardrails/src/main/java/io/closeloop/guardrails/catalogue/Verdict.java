package io.closeloop.guardrails.catalogue;

/** The outcome of a check, least severe first: the most severe fired rule wins. */
public enum Verdict {
    /** Nothing fired, or only flags (shown as warnings). */
    ALLOW,
    /** Rules repaired the output (the fix is applied and shown). */
    REPAIR,
    /** The rep's manager must approve before it goes out. */
    NEEDS_APPROVAL,
    /** It must not go out; the reasons are listed. */
    BLOCK;

    public Verdict worst(Verdict other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
