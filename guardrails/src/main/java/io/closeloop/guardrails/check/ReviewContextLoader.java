package io.closeloop.guardrails.check;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.match.Normalize;
import io.closeloop.crm.rep.Rep;
import io.closeloop.guardrails.config.TeamPolicies;
import io.closeloop.guardrails.extract.ContactDataFinder;
import io.closeloop.guardrails.review.AccountFact;
import io.closeloop.guardrails.review.PriceBookFact;
import io.closeloop.guardrails.review.RepFact;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the context of one check from the CRM: the rep, the account (only when the rep may see
 * it: 404 otherwise), the team policy, the active catalogue with its price book, and the
 * contacts behind every e-mail address and phone number in the recipients and the text. It runs
 * on every checked draft, so it reads rows (projections), not entities, in four to six queries.
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
    @WithSpan("closeloop.guardrails.context")
    public ReviewContext load(Rep caller, DraftInput draft, LocalDate today) {
        Rep rep = Rep.findById(caller.id);
        Account account = draft.accountId() == null ? null : scope.require(rep, draft.accountId());
        RepFact repFact = new RepFact(rep.id, rep.role, rep.discountAuthorityPct, rep.manager == null ? null : rep.manager.id);
        AccountFact accountFact = account == null ? null : new AccountFact(account.id, account.name, account.domain);

        // One query for the active catalogue and its price book; rows, not entities (nothing here is changed).
        Map<Long, String> products = new LinkedHashMap<>();
        List<PriceBookFact> priceBook = new ArrayList<>();
        for (Object[] row : em.createQuery("select p.id, p.name, e.currency, e.listPrice, e.maxDiscountPct from Product p"
                + " left join PriceBookEntry e on e.product = p where p.active = true order by p.id, e.id", Object[].class).getResultList()) {
            products.putIfAbsent((Long) row[0], (String) row[1]);
            if (row[2] != null) {
                priceBook.add(new PriceBookFact((String) row[1], ((String) row[2]).strip(), (BigDecimal) row[3], (BigDecimal) row[4]));
            }
        }
        List<String> catalogue = List.copyOf(products.values());

        String text = Objects.toString(draft.subject(), "") + "\n" + Objects.toString(draft.body(), "");
        Set<String> emails = new LinkedHashSet<>(ContactDataFinder.emails(text));
        draft.recipients().stream().map(Normalize::email).filter(Objects::nonNull).forEach(emails::add);
        Map<String, ContactRef> byEmail = new HashMap<>();
        if (!emails.isEmpty()) {
            for (Object[] c : em.createQuery("select c.normalizedEmail, c.id, a.id, c.emailConsent from Contact c left join c.account a"
                    + " where c.normalizedEmail in :emails", Object[].class).setParameter("emails", emails).getResultList()) {
                byEmail.put((String) c[0], ref(c));
            }
        }
        Set<String> phones = ContactDataFinder.phones(text);
        Map<String, ContactRef> byPhone = new HashMap<>();
        if (!phones.isEmpty()) {
            for (Object[] c : em.createQuery("select c.phone, c.id, a.id, c.emailConsent from Contact c left join c.account a"
                    + " where function('regexp_replace', c.phone, '\\D', '', 'g') in :phones", Object[].class)
                    .setParameter("phones", phones).getResultList()) {
                byPhone.put(ContactDataFinder.phoneDigits((String) c[0]), ref(c));
            }
        }
        String team = rep.team == null ? null : rep.team.name;
        return new ReviewContext(repFact, accountFact, policies.forTeam(team, account == null ? null : account.domain, today),
                catalogue, priceBook, byEmail, byPhone);
    }

    /** A contact row {@code (key, id, account id, consent)} as the rules see it. */
    private static ContactRef ref(Object[] c) {
        return new ContactRef((Long) c[1], (Long) c[2], ((EmailConsent) c[3]).name());
    }
}
