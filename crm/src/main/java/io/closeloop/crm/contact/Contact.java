package io.closeloop.crm.contact;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.match.Normalize;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A person at an account, with their e-mail consent and when it was given or withdrawn. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id", unique = true)
    public String externalId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    @Column(name = "normalized_email", unique = true)
    public String normalizedEmail;

    public String phone;

    public String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_consent", nullable = false)
    public EmailConsent emailConsent = EmailConsent.UNKNOWN;

    @Column(name = "email_consent_at")
    public Instant emailConsentAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public String fullName() {
        String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return full.isEmpty() ? email : full;
    }

    /** Records a consent decision; the time changes only when the decision does. */
    public void setConsent(EmailConsent consent, Instant at) {
        if (consent != null && consent != emailConsent) {
            emailConsent = consent;
            emailConsentAt = consent == EmailConsent.UNKNOWN ? null : at;
        }
    }

    public static Optional<Contact> byEmail(String email) {
        String normalized = Normalize.email(email);
        return normalized == null ? Optional.empty() : find("normalizedEmail", normalized).firstResultOptional();
    }

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = Instant.now();
        normalizedEmail = Normalize.email(email);
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
        normalizedEmail = Normalize.email(email);
    }
}
