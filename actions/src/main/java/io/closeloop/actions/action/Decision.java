package io.closeloop.actions.action;

import io.closeloop.actions.feedback.RejectionReason;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's decision on an action. {@code version} is the version the person saw; fields left
 * null keep the draft's value, and any changed field makes an approval EDITED_AND_APPROVED.
 */
public record Decision(Integer version, List<String> recipients, String subject, String body, String newValue,
        LocalDate dueDate, RejectionReason reason, String reasonText) {
}
