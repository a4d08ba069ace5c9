package io.closeloop.guardrails.check;

import io.closeloop.guardrails.review.AccountFact;
import io.closeloop.guardrails.review.PriceBookFact;
import io.closeloop.guardrails.review.RepFact;
import io.closeloop.guardrails.review.TeamPolicy;
import java.util.List;
import java.util.Map;

/**
 * The context facts of one check, read from the CRM: the rep, the account, the team's policy,
 * the catalogue with its price book, and the contacts whose e-mail addresses or phone numbers
 * occur in the output (keyed by normalised address or phone digits).
 */
public record ReviewContext(RepFact rep, AccountFact account, TeamPolicy policy, List<String> catalogue,
        List<PriceBookFact> priceBook, Map<String, ContactRef> contactsByEmail, Map<String, ContactRef> contactsByPhone) {

    public ReviewContext {
        catalogue = List.copyOf(catalogue);
        priceBook = List.copyOf(priceBook);
        contactsByEmail = Map.copyOf(contactsByEmail);
        contactsByPhone = Map.copyOf(contactsByPhone);
    }
}
