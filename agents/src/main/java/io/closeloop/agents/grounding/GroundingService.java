package io.closeloop.agents.grounding;

import io.closeloop.agents.api.AgentRequest;
import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.kernel.problem.ProblemException;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads what an agent needs to answer a request, with the rep's permissions: the account, its
 * contacts and open deals, the contact in context, and the interactions most relevant to the
 * message. A record the rep may not see answers 404, exactly as the CRM API does.
 */
@ApplicationScoped
public class GroundingService {

    private final AccountScope scope;
    private final HistorySearch history;
    private final VisibleRecords records;

    public GroundingService(AccountScope scope, HistorySearch history, VisibleRecords records) {
        this.scope = scope;
        this.history = history;
        this.records = records;
    }

    @Transactional
    @WithSpan("closeloop.agents.ground")
    public Grounding ground(AgentRequest request, int k) {
        Long accountId = request.accountId();
        Grounding.ContactFacts contact = null;
        if (request.contactId() != null) {
            Contact c = records.contact(request.rep(), request.contactId());
            contact = facts(c);
            accountId = accountId == null ? c.account.id : accountId;
            if (!accountId.equals(c.account.id)) {
                throw ProblemException.invalidField("contactId", "the contact belongs to another account");
            }
        }
        if (request.dealId() != null) {
            Deal d = records.deal(request.rep(), request.dealId());
            accountId = accountId == null ? d.account.id : accountId;
        }
        if (accountId == null) {
            return new Grounding(null, List.of(), List.of(), null, history.search(request.rep(), request.message(), null, k));
        }
        Account account = scope.require(request.rep(), accountId);
        List<Grounding.ContactFacts> contacts = Contact.<Contact>list("account.id = ?1 order by id", account.id).stream()
                .map(GroundingService::facts).toList();
        List<String> deals = Deal.<Deal>list("account.id = ?1 order by closeDate nulls last, id", account.id).stream()
                .map(d -> "deal " + d.id + " \"" + d.name + "\": stage " + d.stage + ", amount " + (d.amount == null ? "unknown" : d.amount + " " + d.currency)
                        + ", close date " + (d.closeDate == null ? "unknown" : d.closeDate))
                .toList();
        return new Grounding(
                new Grounding.AccountFacts(account.id, account.name, account.industry, account.tier == null ? null : account.tier.name(),
                        account.owner == null ? null : account.owner.fullName),
                contacts, deals, contact, history.search(request.rep(), request.message(), account.id, k));
    }

    private static Grounding.ContactFacts facts(Contact c) {
        return new Grounding.ContactFacts(c.id, c.firstName, c.lastName, c.email, c.title, c.emailConsent.name());
    }
}
