package io.closeloop.kernel.audit;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes the audit log. {@link #record} joins the caller's transaction (the entry exists exactly
 * when the audited change was committed); {@link #recordAlone} commits on its own, for events
 * whose request fails (a denied permission, a failed login) and so rolls back.
 */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_DETAIL = 2000;

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEntry record(String actor, AuditAction action, String target, String outcome, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.at = Instant.now();
        entry.actor = clip(actor, 200);
        entry.action = action.key();
        entry.target = clip(target, 500);
        entry.outcome = outcome;
        entry.detail = clip(detail, MAX_DETAIL);
        String trace = Span.current().getSpanContext().getTraceId();
        entry.traceId = Span.current().getSpanContext().isValid() ? trace : null;
        entry.persist();
        return entry;
    }

    /** Records in a transaction of its own, committed whatever happens to the caller's. */
    public void recordAlone(String actor, AuditAction action, String target, String outcome, String detail) {
        QuarkusTransaction.requiringNew().run(() -> record(actor, action, target, outcome, detail));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
