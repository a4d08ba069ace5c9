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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return resolveAll(List.of(clues), actor).get(0);
    }

    /**
     * A batch at once: one query per kind of clue for the whole batch (ids, our reps' addresses,
     * contacts by e-mail, accounts by domain, accounts by name), then each item resolved in memory.
     * The result at index i is the match of {@code clues.get(i)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Match> resolveAll(List<Clues> clues, Rep actor) {
        Known known = Known.load(clues, config.personalDomains());
        List<Match> matches = new ArrayList<>(clues.size());
        for (Clues c : clues) {
            matches.add(resolve(c, actor, known));
        }
        return matches;
    }

    private Match resolve(Clues clues, Rep actor, Known known) {
        List<String> notes = new ArrayList<>();
        Contact contact = clues.contactId() == null ? null : visible(known.contactsById.get(clues.contactId()), actor);
        if (clues.contactId() != null && contact == null) {
            notes.add("contactId " + clues.contactId() + " is unknown");
        }
        Account account = clues.accountId() == null ? null : visible(known.accountsById.get(clues.accountId()), actor);
        if (clues.accountId() != null && account == null) {
            notes.add("accountId " + clues.accountId() + " is unknown");
        }
        Deal deal = clues.dealId() == null ? null : visible(known.dealsById.get(clues.dealId()), actor);
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
            Contact byEmail = contactByEmail(clues, account.id, known);
            match = new Match(account.id, byEmail == null ? null : byEmail.id, null, MatchMethod.ACCOUNT_ID,
                    "account " + account.id + (byEmail == null ? "" : ", contact " + byEmail.id + " by e-mail " + byEmail.normalizedEmail));
        } else if (deal != null) {
            Contact byEmail = contactByEmail(clues, deal.account.id, known);
            match = new Match(deal.account.id, byEmail == null ? null : byEmail.id, deal.id, MatchMethod.DEAL_ID,
                    "deal " + deal.id + " of account " + deal.account.id);
        } else {
            match = byClues(clues, notes, known);
        }
        Long dealId = deal != null && match.accountId() != null && match.accountId().equals(deal.account.id) ? deal.id : null;
        if (deal != null && dealId == null) {
            notes.add("dealId " + deal.id + " ignored: it belongs to account " + deal.account.id);
        }
        String detail = match.detail() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return new Match(match.accountId(), match.contactId(), dealId, match.method(), detail);
    }

    private Match byClues(Clues clues, List<String> notes, Known known) {
        Set<String> emails = known.counterpartEmails(clues);
        for (String email : emails) {
            Contact contact = known.contactByEmail(email);
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
            Account account = known.accountsByDomain.get(domain);
            if (account != null) {
                return new Match(account.id, null, null, MatchMethod.ACCOUNT_DOMAIN, "account " + account.id + " by domain " + domain);
            }
        }
        String name = Normalize.companyName(clues.companyName());
        if (!name.isEmpty()) {
            List<Account> named = known.accountsByName.getOrDefault(name, List.of());
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

    private static Contact contactByEmail(Clues clues, Long accountId, Known known) {
        for (String email : known.counterpartEmails(clues)) {
            Contact contact = known.contactByEmail(email);
            if (contact != null && contact.account != null && accountId.equals(contact.account.id)) {
                return contact;
            }
        }
        return null;
    }

    /** The customer's side of the conversation: who wrote to us, or whom we wrote to (our reps are removed by {@link Known}). */
    private static Set<String> candidateEmails(Clues clues) {
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
        return emails;
    }

    /** The CRM records a batch of clues can lead to, loaded with one query per kind. */
    private record Known(Map<Long, Contact> contactsById, Map<Long, Account> accountsById, Map<Long, Deal> dealsById,
            Set<String> repEmails, Map<String, Contact> contactsByEmail, Map<String, Account> accountsByDomain,
            Map<String, List<Account>> accountsByName) {

        static Known load(List<Clues> clues, Set<String> personalDomains) {
            Set<String> emails = new LinkedHashSet<>();
            clues.forEach(c -> emails.addAll(candidateEmails(c)));
            Set<String> repEmails = emails.isEmpty() ? Set.of() : Rep.<Rep>find("lower(email) in ?1", emails).list().stream()
                    .map(r -> r.email.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            Set<String> customers = emails.stream().filter(e -> !repEmails.contains(e)).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> normalized = customers.stream().map(Normalize::email).filter(Objects::nonNull).collect(Collectors.toSet());
            Set<String> domains = customers.stream().map(Normalize::emailDomain)
                    .filter(d -> d != null && !personalDomains.contains(d)).collect(Collectors.toSet());
            Set<String> names = clues.stream().map(c -> Normalize.companyName(c.companyName())).filter(n -> !n.isEmpty())
                    .collect(Collectors.toSet());
            Map<String, Account> byDomain = new HashMap<>();
            if (!domains.isEmpty()) {
                Account.<Account>list("domain in ?1 order by id", domains).forEach(a -> byDomain.putIfAbsent(a.domain, a));
            }
            return new Known(
                    byId(clues, Clues::contactId, ids -> Contact.<Contact>list("id in ?1", ids), c -> c.id),
                    byId(clues, Clues::accountId, ids -> Account.<Account>list("id in ?1", ids), a -> a.id),
                    byId(clues, Clues::dealId, ids -> Deal.<Deal>list("id in ?1", ids), d -> d.id),
                    repEmails,
                    normalized.isEmpty() ? Map.of() : Contact.<Contact>list("normalizedEmail in ?1", normalized).stream()
                            .collect(Collectors.toMap(c -> c.normalizedEmail, c -> c)),
                    byDomain,
                    names.isEmpty() ? Map.of() : Account.<Account>list("normalizedName in ?1 order by id", names).stream()
                            .collect(Collectors.groupingBy(a -> a.normalizedName)));
        }

        private static <T> Map<Long, T> byId(List<Clues> clues, Function<Clues, Long> id, Function<Set<Long>, List<T>> load,
                Function<T, Long> idOf) {
            Set<Long> ids = clues.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
            return ids.isEmpty() ? Map.of() : load.apply(ids).stream().collect(Collectors.toMap(idOf, t -> t));
        }

        /** The customer addresses of one item: its candidates without our reps' addresses. */
        Set<String> counterpartEmails(Clues clues) {
            Set<String> emails = candidateEmails(clues);
            emails.removeAll(repEmails);
            return emails;
        }

        Contact contactByEmail(String email) {
            String normalized = Normalize.email(email);
            return normalized == null ? null : contactsByEmail.get(normalized);
        }
    }

    private <T> T visible(T record, Rep actor) {
        if (record == null || actor == null || actor.roleEnum() == RepRole.ADMIN) {
            return record;
        }
        Account account = record instanceof Contact c ? c.account : record instanceof Deal d ? d.account : (Account) record;
        return account != null && scope.canSee(actor, account) ? record : null;
    }
}
