package io.closeloop.crm.contact;

import java.time.Instant;

/** A contact as the API shows it. */
public record ContactView(Long id, String externalId, Long accountId, String firstName, String lastName,
        String email, String phone, String title, EmailConsent emailConsent, Instant emailConsentAt,
        Instant updatedAt, int version) {

    public static ContactView of(Contact c) {
        return new ContactView(c.id, c.externalId, c.account == null ? null : c.account.id, c.firstName,
                c.lastName, c.email, c.phone, c.title, c.emailConsent, c.emailConsentAt, c.updatedAt, c.version);
    }
}
