package io.closeloop.crm.demo;

import java.time.Instant;
import java.time.LocalDate;

/** An open demo task of a rep about an account, optionally a deal ({@code dealId} may be null) and a contact. */
public record DemoTask(String accountId, String dealId, String contactId, String owner, String subject,
        String notes, LocalDate dueDate, Instant createdAt) {
}
