package io.closeloop.guardrails.review;

import java.util.List;
import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;
import org.drools.ruleunits.api.SingletonStore;

/**
 * The rule unit that reviews one output (DraftReview.drl on the same package path). Facts go in
 * through the stores; the rules add {@link RuleHit}s to {@link #getHits()}, read back with the
 * query {@code ruleHits}.
 */
public class DraftReview implements RuleUnitData {

    private final SingletonStore<DraftFact> draft = DataSource.createSingleton();
    private final SingletonStore<RepFact> rep = DataSource.createSingleton();
    private final SingletonStore<AccountFact> account = DataSource.createSingleton();
    private final SingletonStore<TeamPolicy> policy = DataSource.createSingleton();
    private final DataStore<RecipientFact> recipients = DataSource.createStore();
    private final DataStore<DiscountClaim> discounts = DataSource.createStore();
    private final DataStore<PriceClaim> prices = DataSource.createStore();
    private final DataStore<ProductMention> products = DataSource.createStore();
    private final DataStore<PriceBookFact> priceBook = DataSource.createStore();
    private final DataStore<DateCommitment> commitments = DataSource.createStore();
    private final DataStore<LinkClaim> links = DataSource.createStore();
    private final DataStore<PhraseFact> phrases = DataSource.createStore();
    private final DataStore<PersonalDataMention> personalData = DataSource.createStore();
    private final DataStore<FigureClaim> figures = DataSource.createStore();
    private final DataStore<FieldChangeFact> changes = DataSource.createStore();
    private final DataStore<RuleHit> hits = DataSource.createStore();

    public DraftReview() {
    }

    public DraftReview(ReviewFacts facts) {
        draft.set(facts.draft());
        if (facts.rep() != null) {
            rep.set(facts.rep());
        }
        if (facts.account() != null) {
            account.set(facts.account());
        }
        if (facts.policy() != null) {
            policy.set(facts.policy());
        }
        addAll(recipients, facts.recipients());
        addAll(discounts, facts.discounts());
        addAll(prices, facts.prices());
        addAll(products, facts.products());
        addAll(priceBook, facts.priceBook());
        addAll(commitments, facts.commitments());
        addAll(links, facts.links());
        addAll(phrases, facts.phrases());
        addAll(personalData, facts.personalData());
        addAll(figures, facts.figures());
        addAll(changes, facts.changes());
    }

    private static <T> void addAll(DataStore<T> store, List<T> items) {
        items.forEach(store::add);
    }

    public SingletonStore<DraftFact> getDraft() {
        return draft;
    }

    public SingletonStore<RepFact> getRep() {
        return rep;
    }

    public SingletonStore<AccountFact> getAccount() {
        return account;
    }

    public SingletonStore<TeamPolicy> getPolicy() {
        return policy;
    }

    public DataStore<RecipientFact> getRecipients() {
        return recipients;
    }

    public DataStore<DiscountClaim> getDiscounts() {
        return discounts;
    }

    public DataStore<PriceClaim> getPrices() {
        return prices;
    }

    public DataStore<ProductMention> getProducts() {
        return products;
    }

    public DataStore<PriceBookFact> getPriceBook() {
        return priceBook;
    }

    public DataStore<DateCommitment> getCommitments() {
        return commitments;
    }

    public DataStore<LinkClaim> getLinks() {
        return links;
    }

    public DataStore<PhraseFact> getPhrases() {
        return phrases;
    }

    public DataStore<PersonalDataMention> getPersonalData() {
        return personalData;
    }

    public DataStore<FigureClaim> getFigures() {
        return figures;
    }

    public DataStore<FieldChangeFact> getChanges() {
        return changes;
    }

    public DataStore<RuleHit> getHits() {
        return hits;
    }
}
