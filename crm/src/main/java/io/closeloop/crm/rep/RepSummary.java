package io.closeloop.crm.rep;

/** How a rep appears inside other records. */
public record RepSummary(Long id, String username, String fullName) {

    public static RepSummary of(Rep rep) {
        return rep == null ? null : new RepSummary(rep.id, rep.username, rep.fullName);
    }
}
