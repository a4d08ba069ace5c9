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
 * Everything but the text's contacts can be read ahead ({@link #base}), while an LLM writes the
 * output; {@link #complete} then reads only the contacts the text names.
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

    /**
     * The part of a check's context that does not depend on the output's text: the rep, the account
     * (404 when the rep may not see it), the team, the catalogue with its price book and the contacts
     * behind the recipients' addresses. An LLM agent reads it while the model writes
     * ({@link GuardrailService#prefetch}); {@link #complete} adds what the text names.
     */
    public record Base(long repId, Long accountId, RepFact rep, AccountFact account, String team, String accountDomain,
            List<String> catalogue, List<PriceBookFact> priceBook, Set<String> emailsLookedUp, Map<String, ContactRef> contactsByEmail) {

        /** Whether this base was read for the check of {@code draft} by {@code caller}. */
        boolean serves(Rep caller, DraftInput draft) {
            return repId == caller.id && Objects.equals(accountId, draft.accountId());
        }
    }

    @Transactional
    @WithSpan("closeloop.guardrails.context")
    public ReviewContext load(Rep caller, DraftInput draft, LocalDate today) {
        return withText(readBase(caller, draft.accountId(), draft.recipients()), draft, today);
    }

    /** The text-independent part of the context, read ahead of the output (see {@link Base}). */
    @Transactional
    @WithSpan("closeloop.guardrails.context")
    public Base base(Rep caller, Long accountId, List<String> recipients) {
        return readBase(caller, accountId, recipients);
    }

    /** The context of {@code draft} from a base read ahead for it: only the contacts its text names are read here. */
    @Transactional
    @WithSpan("closeloop.guardrails.context-text")
    public ReviewContext complete(Base base, DraftInput draft, LocalDate today) {
        return withText(base, draft, today);
    }

    /**
     * The context of the recipient rules alone, for an e-mail that is about to be sent: the account (without
     * a visibility check: the service sends what a person approved; an action detached from an erased
     * account has none) and the contacts behind the recipients' addresses as they are now. No rep, policy
     * or price book: {@link FactExtractor#recipientsOnly} needs none.
     */
    @Transactional
    @WithSpan("closeloop.guardrails.context-recipients")
    public ReviewContext recipients(Long accountId, List<String> recipients) {
        Account account = accountId == null ? null : Account.findById(accountId);
        return new ReviewContext(null, accountFact(account), null, List.of(), List.of(), contactsByEmail(addresses(recipients)), Map.of());
    }

    private Base readBase(Rep caller, Long accountId, List<String> recipients) {
        Rep rep = Rep.findById(caller.id);
        Account account = accountId == null ? null : scope.require(rep, accountId);
        RepFact repFact = new RepFact(rep.id, rep.role, rep.discountAuthorityPct, rep.manager == null ? null : rep.manager.id);
        AccountFact accountFact = accountFact(account);

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
        Set<String> emails = addresses(recipients);
        return new Base(rep.id, accountId, repFact, accountFact, rep.team == null ? null : rep.team.name, account == null ? null : account.domain,
                List.copyOf(products.values()), List.copyOf(priceBook), Set.copyOf(emails), contactsByEmail(emails));
    }

    private static AccountFact accountFact(Account account) {
        return account == null ? null : new AccountFact(account.id, account.name, account.domain);
    }

    /** The recipients' normalised addresses, in order, without those that are no address. */
    private static Set<String> addresses(List<String> recipients) {
        Set<String> emails = new LinkedHashSet<>();
        recipients.stream().map(Normalize::email).filter(Objects::nonNull).forEach(emails::add);
        return emails;
    }

    private ReviewContext withText(Base base, DraftInput draft, LocalDate today) {
        String text = Objects.toString(draft.subject(), "") + "\n" + Objects.toString(draft.body(), "");
        Set<String> emails = new LinkedHashSet<>(ContactDataFinder.emails(text));
        emails.addAll(addresses(draft.recipients()));
        emails.removeAll(base.emailsLookedUp());
        Map<String, ContactRef> byEmail = new HashMap<>(base.contactsByEmail());
        byEmail.putAll(contactsByEmail(emails));
        Set<String> phones = ContactDataFinder.phones(text);
        Map<String, ContactRef> byPhone = new HashMap<>();
        if (!phones.isEmpty()) {
            for (Object[] c : em.createQuery("select c.phone, c.id, a.id, c.emailConsent from Contact c left join c.account a"
                    + " where function('regexp_replace', c.phone, '\\D', '', 'g') in :phones", Object[].class)
                    .setParameter("phones", phones).getResultList()) {
                byPhone.put(ContactDataFinder.phoneDigits((String) c[0]), ref(c));
            }
        }
        return new ReviewContext(base.rep(), base.account(), policies.forTeam(base.team(), base.accountDomain(), today),
                base.catalogue(), base.priceBook(), byEmail, byPhone);
    }

    private Map<String, ContactRef> contactsByEmail(Set<String> emails) {
        Map<String, ContactRef> byEmail = new HashMap<>();
        if (!emails.isEmpty()) {
            for (Object[] c : em.createQuery("select c.normalizedEmail, c.id, a.id, c.emailConsent from Contact c left join c.account a"
                    + " where c.normalizedEmail in :emails", Object[].class).setParameter("emails", emails).getResultList()) {
                byEmail.put((String) c[0], ref(c));
            }
        }
        return byEmail;
    }

    /** A contact row {@code (key, id, account id, consent)} as the rules see it. */
    private static ContactRef ref(Object[] c) {
        return new ContactRef((Long) c[1], (Long) c[2], ((EmailConsent) c[3]).name());
    }
}
