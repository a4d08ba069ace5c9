package io.closeloop.guardrails.check;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.product.PriceBookEntry;
import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.config.TeamPolicies;
import io.closeloop.guardrails.extract.ContactDataFinder;
import io.closeloop.guardrails.review.AccountFact;
import io.closeloop.guardrails.review.PriceBookFact;
import io.closeloop.guardrails.review.RepFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the context of one check from the CRM: the rep, the account (only when the rep may see
 * it: 404 otherwise), the team policy, the active catalogue with its price book, and the
 * contacts behind every e-mail address and phone number in the recipients and the text.
 */
@ApplicationScoped
public class ReviewContextLoader {

    private final AccountScope scope;
    private final TeamPolicies policies;
    private final EntityManager em;

    public ReviewContextLoader(AccountScope scope, TeamPolicies policies, EntityManager em) {
        this.scope = scope;
        this.policies = policies;
        this.em = em;
    }

    @Transactional
    public ReviewContext load(Rep caller, DraftInput draft, LocalDate today) {
        Rep rep = Rep.findById(caller.id);
        Account account = draft.accountId() == null ? null : scope.require(rep, draft.accountId());
        RepFact repFact = new RepFact(rep.id, rep.role, rep.discountAuthorityPct, rep.manager == null ? null : rep.manager.id);
        AccountFact accountFact = account == null ? null : new AccountFact(account.id, account.name, account.domain);

        List<String> catalogue = em.createQuery("select p.name from Product p where p.active = true", String.class).getResultList();
        List<PriceBookFact> priceBook = em.createQuery(
                "select e from PriceBookEntry e join fetch e.product p where p.active = true", PriceBookEntry.class)
                .getResultStream()
                .map(e -> new PriceBookFact(e.product.name, e.currency.strip(), e.listPrice, e.maxDiscountPct)).toList();

        String text = Objects.toString(draft.subject(), "") + "\n" + Objects.toString(draft.body(), "");
        Set<String> emails = new LinkedHashSet<>(ContactDataFinder.emails(text));
        draft.recipients().stream().map(Normalize::email).filter(Objects::nonNull).forEach(emails::add);
        Map<String, ContactRef> byEmail = new HashMap<>();
        if (!emails.isEmpty()) {
            for (Contact c : em.createQuery("select c from Contact c left join fetch c.account where c.normalizedEmail in :emails",
                    Contact.class).setParameter("emails", emails).getResultList()) {
                byEmail.put(c.normalizedEmail, ref(c));
            }
        }
        Set<String> phones = ContactDataFinder.phones(text);
        Map<String, ContactRef> byPhone = new HashMap<>();
        if (!phones.isEmpty()) {
            for (Contact c : em.createQuery("select c from Contact c left join fetch c.account "
                    + "where function('regexp_replace', c.phone, '\\D', '', 'g') in :phones", Contact.class)
                    .setParameter("phones", phones).getResultList()) {
                byPhone.put(ContactDataFinder.phoneDigits(c.phone), ref(c));
            }
        }
        String team = rep.team == null ? null : rep.team.name;
        return new ReviewContext(repFact, accountFact, policies.forTeam(team, account == null ? null : account.domain, today),
                catalogue, priceBook, byEmail, byPhone);
    }

    private static ContactRef ref(Contact c) {
        return new ContactRef(c.id, c.account == null ? null : c.account.id, c.emailConsent.name());
    }
}
