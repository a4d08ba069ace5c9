package io.closeloop.agents.small;

import io.closeloop.agents.api.AgentRequest;
import io.closeloop.agents.grounding.VisibleRecords;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.match.Normalize;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the CRM records a message talks about, among those the rep may see: the records in the
 * request's context first, else an account whose (normalised) name appears in the message, a deal
 * of that account whose name appears, and a contact of it whose full, first or last name appears.
 * Longest names win, so "Acme Logistics" beats "Acme".
 */
@ApplicationScoped
public class RecordMatcher {

    private final AccountScope scope;
    private final VisibleRecords records;

    public RecordMatcher(AccountScope scope, VisibleRecords records) {
        this.scope = scope;
        this.records = records;
    }

    /** Must run inside a transaction. */
    CrmContext match(AgentRequest request) {
        String text = " " + Normalize.companyName(request.message()) + " ";
        Deal deal = request.dealId() == null ? null : records.deal(request.rep(), request.dealId());
        Contact contact = request.contactId() == null ? null : records.contact(request.rep(), request.contactId());
        Account account = request.accountId() != null ? scope.require(request.rep(), request.accountId())
                : deal != null ? deal.account : contact != null ? contact.account : accountNamedIn(request, text);
        if (account != null && deal == null) {
            deal = Deal.<Deal>list("account.id = ?1", account.id).stream()
                    .filter(d -> contains(text, Normalize.companyName(d.name)))
                    .max(Comparator.comparingInt(d -> d.name.length())).orElse(null);
        }
        if (account != null && contact == null) {
            String lower = " " + request.message().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.]+", " ") + " ";
            contact = Contact.<Contact>list("account.id = ?1", account.id).stream()
                    .filter(c -> mentions(lower, c))
                    .max(Comparator.comparingInt(c -> c.fullName().length())).orElse(null);
        }
        return new CrmContext(account, deal, contact);
    }

    private Account accountNamedIn(AgentRequest request, String text) {
        AccountScope.Condition visible = scope.visibleTo(request.rep(), "a");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("text", text);
        List<Account> named = Account.<Account>find("from Account a where " + visible.jpql()
                + " and length(a.normalizedName) > 1 and locate(concat(' ', a.normalizedName, ' '), :text) > 0", params).list();
        return named.stream().max(Comparator.comparingInt(a -> a.normalizedName.length())).orElse(null);
    }

    private static boolean contains(String normalizedText, String normalizedName) {
        return normalizedName.length() > 1 && normalizedText.contains(" " + normalizedName + " ");
    }

    private static boolean mentions(String lower, Contact c) {
        for (String name : new String[] { c.fullName(), c.firstName, c.lastName, c.email }) {
            if (name != null && name.length() > 1 && lower.contains(" " + name.toLowerCase(Locale.ROOT) + " ")) {
                return true;
            }
        }
        return false;
    }
}
