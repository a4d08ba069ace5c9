package io.closeloop.guardrails.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds {@link ReviewFacts} for rule tests: a plain e-mail from a rep with 10% authority to a
 * consenting contact of account 1 (domain acme.example), under the default policy, about a
 * catalogue of one product ("Closeloop Insights Pro", USD 1,200, at most 20% off). Tests change
 * only what their rule looks at.
 */
public final class Facts {

    public static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    public static final String PRODUCT = "Closeloop Insights Pro";

    DraftFact draft = new DraftFact("EMAIL", "Follow-up", "Hello", false);
    RepFact rep = new RepFact(7L, "REP", new BigDecimal("10"), 8L);
    AccountFact account = new AccountFact(1L, "Acme", "acme.example");
    TeamPolicy policy = new TeamPolicy("east", new BigDecimal("30"), 90, new BigDecimal("20"),
            Set.of("closeloop.io", "acme.example"), TODAY);
    final List<RecipientFact> recipients = new ArrayList<>(List.of(new RecipientFact("dana@acme.example", 11L, "GRANTED", true, true)));
    final List<DiscountClaim> discounts = new ArrayList<>();
    final List<PriceClaim> prices = new ArrayList<>();
    final List<ProductMention> products = new ArrayList<>();
    final List<PriceBookFact> priceBook = new ArrayList<>(List.of(
            new PriceBookFact(PRODUCT, "USD", new BigDecimal("1200.00"), new BigDecimal("20.00"))));
    final List<DateCommitment> commitments = new ArrayList<>();
    final List<LinkClaim> links = new ArrayList<>();
    final List<PhraseFact> phrases = new ArrayList<>();
    final List<PersonalDataMention> personalData = new ArrayList<>();
    final List<FigureClaim> figures = new ArrayList<>();
    final List<FieldChangeFact> changes = new ArrayList<>();

    public static Facts email() {
        return new Facts();
    }

    public Facts channel(String channel) {
        draft = new DraftFact(channel, draft.subject(), draft.body(), draft.hasGrounding());
        return this;
    }

    public Facts grounded() {
        draft = new DraftFact(draft.channel(), draft.subject(), draft.body(), true);
        return this;
    }

    public Facts noAccount() {
        account = null;
        return this;
    }

    public Facts noRecipients() {
        recipients.clear();
        return this;
    }

    public Facts recipient(String email, Long contactId, String consent, boolean accountContact, boolean accountDomain) {
        recipients.add(new RecipientFact(email, contactId, consent, accountContact, accountDomain));
        return this;
    }

    public Facts discount(String percent, String product) {
        discounts.add(new DiscountClaim(new BigDecimal(percent), product, false, percent + "% off"));
        return this;
    }

    public Facts additionalDiscount(String percent) {
        discounts.add(new DiscountClaim(new BigDecimal(percent), null, true, "an extra " + percent + "% off"));
        return this;
    }

    public Facts price(String amount, String currency, String product, boolean discounted) {
        prices.add(new PriceClaim(new BigDecimal(amount), currency, product, discounted, currency + " " + amount));
        return this;
    }

    public Facts product(String text, String matched) {
        products.add(new ProductMention(text, matched, matched == null ? 0.5 : 1.0));
        return this;
    }

    public Facts commitment(LocalDate date) {
        commitments.add(new DateCommitment(date, "by " + date));
        return this;
    }

    public Facts link(String domain) {
        links.add(new LinkClaim("https://" + domain + "/page", domain));
        return this;
    }

    public Facts phrase(String kind, String text, String subject) {
        phrases.add(new PhraseFact(kind, text, "A sentence with " + text + ".", subject));
        return this;
    }

    public Facts personalData(Long accountId) {
        personalData.add(new PersonalDataMention("e-mail address", "someone@elsewhere.example", accountId));
        return this;
    }

    public Facts figure(String text, boolean supported) {
        figures.add(new FigureClaim(text, supported));
        return this;
    }

    public Facts stageChange(String from, String to, int step) {
        changes.add(new FieldChangeFact("deal", 5L, "stage", from, to, step, null));
        return this;
    }

    public Facts amountChange(String from, String to, String pct) {
        changes.add(new FieldChangeFact("deal", 5L, "amount", from, to, null, new BigDecimal(pct)));
        return this;
    }

    public ReviewFacts build() {
        return new ReviewFacts(draft, rep, account, policy, recipients, discounts, prices, products, priceBook, commitments,
                links, phrases, personalData, figures, changes);
    }
}
