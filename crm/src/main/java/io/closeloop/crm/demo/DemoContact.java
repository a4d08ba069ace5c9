package io.closeloop.crm.demo;

import io.closeloop.crm.contact.EmailConsent;
import java.time.Instant;

/** A demo contact; {@code consentAt} is set exactly when consent is GRANTED or WITHDRAWN. */
public record DemoContact(String externalId, String accountId, String firstName, String lastName, String email,
        String phone, String title, EmailConsent consent, Instant consentAt, Instant createdAt) {
}
