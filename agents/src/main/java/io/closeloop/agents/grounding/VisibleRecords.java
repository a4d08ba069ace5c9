package io.closeloop.agents.grounding;

import io.closeloop.crm.access.AccountScope;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/** Deals and contacts by id for a rep: 404 when missing or not visible (their account's visibility, as in the CRM API). */
@ApplicationScoped
public class VisibleRecords {

    private final AccountScope scope;

    public VisibleRecords(AccountScope scope) {
        this.scope = scope;
    }

    public Deal deal(Rep rep, long dealId) {
        Deal deal = Deal.findById(dealId);
        if (deal == null || !scope.canSee(rep, deal.account)) {
            throw ProblemException.notFound("Deal", dealId);
        }
        return deal;
    }

    public Contact contact(Rep rep, long contactId) {
        Contact contact = Contact.findById(contactId);
        if (contact == null || contact.account == null || !scope.canSee(rep, contact.account)) {
            throw ProblemException.notFound("Contact", contactId);
        }
        return contact;
    }
}
