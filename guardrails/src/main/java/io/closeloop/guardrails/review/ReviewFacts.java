package io.closeloop.guardrails.review;

import java.util.List;

/** Everything the rules see about one output: the draft, its claims, and its context. */
public record ReviewFacts(DraftFact draft, RepFact rep, AccountFact account, TeamPolicy policy,
        List<RecipientFact> recipients, List<DiscountClaim> discounts, List<PriceClaim> prices,
        List<ProductMention> products, List<PriceBookFact> priceBook, List<DateCommitment> commitments,
        List<LinkClaim> links, List<PhraseFact> phrases, List<PersonalDataMention> personalData,
        List<FigureClaim> figures, List<FieldChangeFact> changes) {

    public ReviewFacts {
        recipients = List.copyOf(recipients);
        discounts = List.copyOf(discounts);
        prices = List.copyOf(prices);
        products = List.copyOf(products);
        priceBook = List.copyOf(priceBook);
        commitments = List.copyOf(commitments);
        links = List.copyOf(links);
        phrases = List.copyOf(phrases);
        personalData = List.copyOf(personalData);
        figures = List.copyOf(figures);
        changes = List.copyOf(changes);
    }
}
