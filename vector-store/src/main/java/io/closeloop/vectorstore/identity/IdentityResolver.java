package io.closeloop.vectorstore.identity;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.interaction.Direction;
import io.closeloop.vectorstore.interaction.MatchMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links an interaction to the CRM: ids the sender gave (when they exist and, for a person
 * sending, are visible to them), else a contact by e-mail address, else an account by e-mail
 * domain, else an account by company name; otherwise it stays unmatched. Unknown ids are noted
 * in the detail, never an error: the interaction is kept either way.
 */
@ApplicationScoped
public class IdentityResolver {

    private final AccountScope scope;
    private final IdentityConfig config;

    public IdentityResolver(AccountScope scope, IdentityConfig config) {
        this.scope = scope;
        this.config = config;
    }

    /** What the resolver needs to know about an interaction. */
    public record Clues(Long accountId, Long contactId, Long dealId, Direction direction, String fromEmail,
            List<String> toEmails, String companyName) {
    }

    /** @param actor the person who sent it, or null for the system (queue, admin import, demo) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Match resolve(Clues clues, Rep actor) {
        List<String> notes = new ArrayList<>();
        Contact contact = clues.contactId() == null ? null : visible(Contact.<Contact>findById(clues.contactId()), actor);
        if (clues.contactId() != null && contact == null) {
            notes.add("contactId " + clues.contactId() + " is unknown");
        }
        Account account = clues.accountId() == null ? null : visible(Account.<Account>findById(clues.accountId()), actor);
        if (clues.accountId() != null && account == null) {
            notes.add("accountId " + clues.accountId() + " is unknown");
        }
        Deal deal = clues.dealId() == null ? null : visible(Deal.<Deal>findById(clues.dealId()), actor);
        if (clues.dealId() != null && deal == null) {
            notes.add("dealId " + clues.dealId() + " is unknown");
        }
        Match match;
        if (contact != null && contact.account != null) {
            if (account != null && !account.id.equals(contact.account.id)) {
                notes.add("accountId " + account.id + " ignored: contact " + contact.id + " belongs to account " + contact.account.id);
            }
            match = new Match(contact.account.id, contact.id, null, MatchMethod.CONTACT_ID, "contact " + contact.id);
        } else if (account != null) {
            Contact byEmail = contactByEmail(clues, account.id);
            match = new Match(account.id, byEmail == null ? null : byEmail.id, null, MatchMethod.ACCOUNT_ID,
                    "account " + account.id + (byEmail == null ? "" : ", contact " + byEmail.id + " by e-mail " + byEmail.normalizedEmail));
        } else if (deal != null) {
            Contact byEmail = contactByEmail(clues, deal.account.id);
            match = new Match(deal.account.id, byEmail == null ? null : byEmail.id, deal.id, MatchMethod.DEAL_ID,
                    "deal " + deal.id + " of account " + deal.account.id);
        } else {
            match = byClues(clues, notes);
        }
        Long dealId = deal != null && match.accountId() != null && match.accountId().equals(deal.account.id) ? deal.id : null;
        if (deal != null && dealId == null) {
            notes.add("dealId " + deal.id + " ignored: it belongs to account " + deal.account.id);
        }
        String detail = match.detail() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return new Match(match.accountId(), match.contactId(), dealId, match.method(), detail);
    }

    private Match byClues(Clues clues, List<String> notes) {
        Set<String> emails = counterpartEmails(clues);
        for (String email : emails) {
            Contact contact = Contact.byEmail(email).orElse(null);
            if (contact != null && contact.account != null) {
                return new Match(contact.account.id, contact.id, null, MatchMethod.CONTACT_EMAIL,
                        "contact " + contact.id + " by e-mail " + email);
            }
        }
        for (String email : emails) {
            String domain = Normalize.emailDomain(email);
            if (domain == null || config.personalDomains().contains(domain)) {
                continue;
            }
            Account account = Account.<Account>find("domain", domain).firstResult();
            if (account != null) {
                return new Match(account.id, null, null, MatchMethod.ACCOUNT_DOMAIN, "account " + account.id + " by domain " + domain);
            }
        }
        String name = Normalize.companyName(clues.companyName());
        if (!name.isEmpty()) {
            List<Account> named = Account.<Account>find("normalizedName", name).page(0, 2).list();
            if (named.size() == 1) {
                return new Match(named.get(0).id, null, null, MatchMethod.ACCOUNT_NAME,
                        "account " + named.get(0).id + " by name '" + clues.companyName() + "'");
            }
            if (named.size() > 1) {
                notes.add("company name '" + clues.companyName() + "' fits several accounts");
            }
        }
        String tried = emails.isEmpty() ? "no customer e-mail address" : "no contact or company domain for " + String.join(", ", emails);
        return new Match(null, null, null, MatchMethod.UNMATCHED,
                tried + (name.isEmpty() ? "" : ", no single account named '" + clues.companyName() + "'"));
    }

    private Contact contactByEmail(Clues clues, Long accountId) {
        for (String email : counterpartEmails(clues)) {
            Contact contact = Contact.byEmail(email).orElse(null);
            if (contact != null && contact.account != null && accountId.equals(contact.account.id)) {
                return contact;
            }
        }
        return null;
    }

    /** The customer's side of the conversation: who wrote to us, or whom we wrote to. Our reps are never customers. */
    private static Set<String> counterpartEmails(Clues clues) {
        Set<String> emails = new LinkedHashSet<>();
        if (clues.direction() != Direction.OUTBOUND && clues.fromEmail() != null) {
            emails.add(clues.fromEmail());
        }
        if (clues.direction() != Direction.INBOUND && clues.toEmails() != null) {
            emails.addAll(clues.toEmails());
        }
        if (clues.direction() == Direction.INBOUND && clues.toEmails() != null && emails.isEmpty()) {
            emails.addAll(clues.toEmails());
        }
        if (!emails.isEmpty()) {
            List<String> reps = Rep.<Rep>find("lower(email) in ?1", emails).list().stream()
                    .map(r -> r.email.toLowerCase(Locale.ROOT)).toList();
            emails.removeAll(reps);
        }
        return emails;
    }

    private <T> T visible(T record, Rep actor) {
        if (record == null || actor == null || actor.roleEnum() == RepRole.ADMIN) {
            return record;
        }
        Account account = record instanceof Contact c ? c.account : record instanceof Deal d ? d.account : (Account) record;
        return account != null && scope.canSee(actor, account) ? record : null;
    }
}
