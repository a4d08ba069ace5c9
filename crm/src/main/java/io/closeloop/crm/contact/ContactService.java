package io.closeloop.crm.contact;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.AccountService;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.kernel.Page;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Contacts, visible through their account. */
@ApplicationScoped
public class ContactService {

    private final AccountScope scope;
    private final Outbox outbox;

    public ContactService(AccountScope scope, Outbox outbox) {
        this.scope = scope;
        this.outbox = outbox;
    }

    @Transactional
    public Page<ContactView> list(Rep viewer, Long accountId, int page, int size) {
        AccountScope.Condition visible = scope.visibleTo(viewer, "c.account");
        Map<String, Object> params = new LinkedHashMap<>(visible.params());
        String where = visible.jpql();
        if (viewer.roleEnum() != RepRole.ADMIN) {
            where = "c.account is not null and " + where;
        }
        if (accountId != null) {
            where += " and c.account.id = :accountId";
            params.put("accountId", accountId);
        }
        var found = Contact.find("select c from Contact c where " + where + " order by c.lastName, c.firstName, c.id", params)
                .page(page, size);
        long total = Contact.count("from Contact c where " + where, params);
        return new Page<>(found.<Contact>list().stream().map(ContactView::of).toList(), page, size, total);
    }

    @Transactional
    public ContactView get(Rep viewer, Long id) {
        return ContactView.of(require(viewer, id));
    }

    /** The contact, or 404 when it does not exist or its account is not visible. */
    public Contact require(Rep viewer, Long id) {
        Contact contact = id == null ? null : Contact.findById(id);
        boolean visible = contact != null && (viewer.roleEnum() == RepRole.ADMIN
                || contact.account != null && scope.canSee(viewer, contact.account));
        if (!visible) {
            throw ProblemException.notFound("Contact", id);
        }
        return contact;
    }

    @Transactional
    public ContactView create(Rep actor, ContactInput input) {
        if (input.accountId() == null) {
            throw ProblemException.invalidField("accountId", "is required");
        }
        if (blank(input.firstName()) && blank(input.lastName()) && blank(input.email())) {
            throw ProblemException.invalidField("email", "a contact needs a name or an e-mail address");
        }
        Contact contact = new Contact();
        contact.account = scope.require(actor, input.accountId());
        apply(actor, contact, input);
        contact.persist();
        outbox.publish("crm.contact.created", Map.of("contactId", contact.id, "accountId", contact.account.id));
        return ContactView.of(contact);
    }

    @Transactional
    public ContactView update(Rep actor, Long id, ContactInput input) {
        Contact contact = require(actor, id);
        AccountService.checkVersion(input.version(), contact.version, "Contact", id);
        if (input.accountId() != null && (contact.account == null || !input.accountId().equals(contact.account.id))) {
            contact.account = scope.require(actor, input.accountId());
        }
        EmailConsent before = contact.emailConsent;
        apply(actor, contact, input);
        Contact.getEntityManager().flush();
        if (before != contact.emailConsent) {
            outbox.publish("crm.contact.consent-changed", Map.of("contactId", contact.id,
                    "consent", contact.emailConsent.name(), "by", actor.id));
        }
        return ContactView.of(contact);
    }

    private void apply(Rep actor, Contact contact, ContactInput input) {
        if (input.firstName() != null) {
            contact.firstName = input.firstName().trim();
        }
        if (input.lastName() != null) {
            contact.lastName = input.lastName().trim();
        }
        if (input.email() != null) {
            String normalized = Normalize.email(input.email());
            if (normalized == null) {
                throw ProblemException.invalidField("email", "is not an e-mail address");
            }
            if (Contact.count("normalizedEmail = ?1 and id <> ?2", normalized, contact.id == null ? -1L : contact.id) > 0) {
                throw ProblemException.invalidField("email", "another contact already has this address");
            }
            contact.email = input.email().trim();
            contact.normalizedEmail = normalized;
        }
        if (input.phone() != null) {
            contact.phone = input.phone().trim();
        }
        if (input.title() != null) {
            contact.title = input.title().trim();
        }
        if (input.externalId() != null && !input.externalId().equals(contact.externalId)) {
            if (Contact.count("externalId = ?1 and id <> ?2", input.externalId(), contact.id == null ? -1L : contact.id) > 0) {
                throw ProblemException.invalidField("externalId", "is already used by another contact");
            }
            contact.externalId = input.externalId();
        }
        contact.setConsent(input.emailConsent(), Instant.now());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
