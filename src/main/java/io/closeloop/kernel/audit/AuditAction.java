package io.closeloop.kernel.audit;

/** The kinds of audited events; the dotted name is what the {@code action} column holds. */
public enum AuditAction {
    LOGIN("auth.login"),
    PERMISSION_DENIED("auth.denied"),
    APPROVAL("action.approved"),
    REJECTION("action.rejected"),
    EXECUTION("action.executed"),
    ADMIN_CHANGE("admin.change"),
    ERASURE("admin.erasure"),
    AUDIT_EXPORT("admin.audit-export");

    private final String key;

    AuditAction(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
