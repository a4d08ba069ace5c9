package io.closeloop.crm.erasure;

import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Purges interactions older than the retention period through every layer's {@link ErasureHook}. */
@ApplicationScoped
public class RetentionService {

    private final Instance<ErasureHook> hooks;
    private final RetentionConfig config;
    private final ErasureService erasure;
    private final AuditLog audit;

    public RetentionService(Instance<ErasureHook> hooks, RetentionConfig config, ErasureService erasure, AuditLog audit) {
        this.hooks = hooks;
        this.config = config;
        this.erasure = erasure;
        this.audit = audit;
    }

    /** Runs one purge as of {@code now}; empty when no retention period is configured. */
    @Transactional
    public Optional<ErasureRecord> purge(Instant now) {
        if (config.interactions().isEmpty()) {
            return Optional.empty();
        }
        Instant cutoff = now.minus(config.interactions().get());
        Map<String, Long> counts = new TreeMap<>();
        for (ErasureHook hook : hooks) {
            hook.purgeBefore(cutoff).forEach((what, n) -> counts.merge(hook.part() + "." + what, n, Long::sum));
        }
        ErasureRecord record = new ErasureRecord();
        record.subjectKind = "RETENTION";
        record.reason = "interactions before " + cutoff;
        record.counts = erasure.toJson(counts);
        record.erasedAt = now;
        record.persist();
        audit.record("system", AuditAction.ERASURE, "retention", "done", record.reason + " " + record.counts);
        return Optional.of(record);
    }
}
