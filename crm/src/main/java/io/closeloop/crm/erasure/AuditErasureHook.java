package io.closeloop.crm.erasure;

import io.closeloop.kernel.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Audit rows stay (they are the count of what happened); their text loses the erased person's name. */
@ApplicationScoped
public class AuditErasureHook implements ErasureHook {

    @Override
    public String part() {
        return "audit";
    }

    @Override
    public Map<String, Long> erase(ErasureSubject subject) {
        long redacted = 0;
        for (String term : subject.terms()) {
            String like = Redaction.containsPattern(term);
            List<AuditEntry> hits = AuditEntry.list("lower(detail) like lower(?1) or lower(target) like lower(?1)", like);
            for (AuditEntry entry : hits) {
                entry.detail = Redaction.redact(entry.detail, subject.terms());
                entry.target = Redaction.redact(entry.target, subject.terms());
                redacted++;
            }
        }
        return Map.of("entries.redacted", redacted);
    }
}
