package io.closeloop.crm.imports;

import static io.closeloop.crm.imports.ImportField.ACCOUNT_NAME;
import static io.closeloop.crm.imports.ImportField.EMAIL;
import static io.closeloop.crm.imports.ImportField.EMAIL_CONSENT;
import static io.closeloop.crm.imports.ImportField.EMAIL_OPT_OUT;
import static io.closeloop.crm.imports.ImportField.EXTERNAL_ID;
import static io.closeloop.crm.imports.ImportField.FIRST_NAME;
import static io.closeloop.crm.imports.ImportField.LAST_NAME;
import static io.closeloop.crm.imports.ImportField.MARKETING_STATUS;
import static io.closeloop.crm.imports.ImportField.PHONE;
import static io.closeloop.crm.imports.ImportField.TITLE;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Creates or updates the contact of one row of a contacts file. The same person is recognised by
 * external id, then by normalised e-mail address; a new contact must be attached to an account
 * the user can see (by the account columns, or else by the domain of the e-mail address).
 */
@ApplicationScoped
class ContactImporter implements RowImporter {

    private final AccountScope scope;
    private final AccountLookup lookup;
    private final Outbox outbox;

    ContactImporter(AccountScope scope, AccountLookup lookup, Outbox outbox) {
        this.scope = scope;
        this.lookup = lookup;
        this.outbox = outbox;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CONTACTS;
    }

    @Override
    public RowOutcome apply(ImportRow row, ImportRun run) {
        String externalId = row.text(EXTERNAL_ID, 100);
        String email = row.email(EMAIL);
        String firstName = row.text(FIRST_NAME, 100);
        String lastName = row.text(LAST_NAME, 100);
        String title = row.text(TITLE, 150);
        String phone = phone(row);
        Optional<EmailConsent> consent = consent(row);
        if (email == null && firstName == null && lastName == null) {
            throw row.reject(EMAIL, "a contact needs a name or an e-mail address");
        }
        Rep actor = run.actor();
        RowChanges changes = new RowChanges(row);
        ImportField by = EXTERNAL_ID;
        Contact contact = externalId == null ? null : Contact.<Contact>find("externalId", externalId).firstResult();
        if (contact == null && email != null) {
            contact = Contact.<Contact>find("normalizedEmail", email).firstResult();
            by = EMAIL;
        }
        if (contact != null && !visible(actor, contact)) {
            throw row.reject(by, "matches a contact (by " + row.column(by) + ") on an account you may not change");
        }
        Optional<AccountLookup.Found> account = lookup.linked(row, actor, contact == null ? email : null);

        boolean created = contact == null;
        if (created) {
            contact = new Contact();
            contact.account = account.orElseThrow(() -> row.reject(ACCOUNT_NAME,
                    "no account for this contact: fill the company column or import the account with the e-mail's domain first"))
                    .account();
        } else if (account.isPresent() && (contact.account == null || !account.get().account().id.equals(contact.account.id))) {
            contact.account = account.get().account();
            changes.changed(account.get().by());
        }
        Contact target = contact;
        if (!created && externalId != null && target.externalId != null && !externalId.equals(target.externalId)) {
            changes.note(EXTERNAL_ID, "matched by " + row.column(by) + "; the contact keeps its external id " + target.externalId);
        } else {
            changes.set(EXTERNAL_ID, target.externalId, externalId, v -> target.externalId = v);
        }
        if (email != null && !email.equals(target.normalizedEmail)
                && Contact.count("normalizedEmail = ?1 and id <> ?2", email, created ? -1L : target.id) > 0) {
            throw row.reject(EMAIL, "another contact already has the address " + email);
        }
        changes.set(EMAIL, target.normalizedEmail, email, v -> {
            target.email = v;
            target.normalizedEmail = v;
        });
        changes.set(FIRST_NAME, target.firstName, firstName, v -> target.firstName = v);
        changes.set(LAST_NAME, target.lastName, lastName, v -> target.lastName = v);
        changes.set(TITLE, target.title, title, v -> target.title = v);
        changes.set(PHONE, target.phone, phone, v -> target.phone = v);
        EmailConsent consentBefore = target.emailConsent;
        consent.ifPresent(c -> changes.set(consentField(row), target.emailConsent, c, v -> target.setConsent(v, Instant.now())));

        if (created) {
            target.persist();
            outbox.publish("crm.contact.created", Map.of("contactId", target.id, "accountId", target.account.id, "source", "IMPORT"));
            return changes.created(target.id);
        }
        run.checkDuplicate(target.id, row, changes);
        if (consentBefore != target.emailConsent) {
            outbox.publish("crm.contact.consent-changed", Map.of("contactId", target.id,
                    "consent", target.emailConsent.name(), "by", actor.id, "source", "IMPORT"));
        }
        return changes.done(target.id);
    }

    private boolean visible(Rep actor, Contact contact) {
        return actor.roleEnum() == RepRole.ADMIN || contact.account != null && scope.canSee(actor, contact.account);
    }

    private static String phone(ImportRow row) {
        String phone = row.text(PHONE, 40);
        if (phone != null && !phone.matches("[0-9+()./ x-]*")) {
            throw row.reject(PHONE, "'" + phone + "' may contain only digits, spaces and + ( ) . / - x");
        }
        return phone;
    }

    /**
     * The consent decision of the row, if it states one. An opt-out ("Unsubscribed from all
     * email", "Email Opt Out") always withdraws; Closeloop's own "emailConsent" column says it
     * explicitly; HubSpot's "Marketing contact status" grants only as "Marketing contact". Not
     * being opted out is not consent, so it never grants anything.
     */
    private static Optional<EmailConsent> consent(ImportRow row) {
        if (Boolean.TRUE.equals(row.flag(EMAIL_OPT_OUT))) {
            return Optional.of(EmailConsent.WITHDRAWN);
        }
        String explicit = row.text(EMAIL_CONSENT);
        if (explicit != null) {
            String key = ImportColumns.key(explicit);
            for (EmailConsent value : EmailConsent.values()) {
                if (ImportColumns.key(value.name()).equals(key)) {
                    return Optional.of(value);
                }
            }
            throw row.reject(EMAIL_CONSENT, "'" + explicit + "' is not one of GRANTED, WITHDRAWN, UNKNOWN");
        }
        String marketing = row.text(MARKETING_STATUS);
        if (marketing != null) {
            return switch (ImportColumns.key(marketing)) {
                case "marketingcontact" -> Optional.of(EmailConsent.GRANTED);
                case "nonmarketingcontact" -> Optional.empty();
                default -> throw row.reject(MARKETING_STATUS, "'" + marketing + "' is not 'Marketing contact' or 'Non-marketing contact'");
            };
        }
        return Optional.empty();
    }

    private static ImportField consentField(ImportRow row) {
        if (Boolean.TRUE.equals(row.flag(EMAIL_OPT_OUT))) {
            return EMAIL_OPT_OUT;
        }
        return row.has(EMAIL_CONSENT) ? EMAIL_CONSENT : MARKETING_STATUS;
    }
}
