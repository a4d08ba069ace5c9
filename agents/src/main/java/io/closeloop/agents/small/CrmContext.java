package io.closeloop.agents.small;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;

/** The CRM records a message is about, as far as they could be matched (any may be null). */
record CrmContext(Account account, Deal deal, Contact contact) {

    Long accountId() {
        return account == null ? null : account.id;
    }

    Long dealId() {
        return deal == null ? null : deal.id;
    }

    Long contactId() {
        return contact == null ? null : contact.id;
    }
}
