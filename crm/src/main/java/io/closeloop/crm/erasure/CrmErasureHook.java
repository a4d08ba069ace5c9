package io.closeloop.crm.erasure;

import io.closeloop.crm.task.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The CRM's own free text about a subject: task subjects and notes of the subject's account that
 * name the person (tasks of an erased account go with it; a contact's tasks keep their counts).
 */
@ApplicationScoped
public class CrmErasureHook implements ErasureHook {

    @Override
    public String part() {
        return "crm";
    }

    @Override
    public Map<String, Long> erase(ErasureSubject subject) {
        if (subject.kind() != ErasureSubject.Kind.CONTACT || subject.accountId() == null) {
            return Map.of();
        }
        List<Task> tasks = Task.list("account.id = ?1 or contact.id = ?2", subject.accountId(), subject.id());
        long redacted = 0;
        for (Task task : tasks) {
            String subjectText = Redaction.redact(task.subject, subject.terms());
            String notes = Redaction.redact(task.notes, subject.terms());
            if (!subjectText.equals(task.subject) || notes != null && !notes.equals(task.notes)) {
                task.subject = subjectText;
                task.notes = notes;
                redacted++;
            }
        }
        return Map.of("tasks.redacted", redacted);
    }
}
