package io.closeloop.crm.erasure;

import java.util.List;

/**
 * Who is being erased: a contact (one person) or an account (the company and all its contacts).
 *
 * @param kind       CONTACT or ACCOUNT
 * @param id         the contact's or account's id
 * @param accountId  the account the subject belongs to (the account itself for ACCOUNT); may be null for an orphan contact
 * @param contactIds every contact erased with it (the one contact, or all contacts of the account)
 * @param terms      names, e-mail addresses and domains to redact from free text, longest first
 */
public record ErasureSubject(Kind kind, long id, Long accountId, List<Long> contactIds, List<String> terms) {

    public enum Kind { CONTACT, ACCOUNT }

    public ErasureSubject {
        contactIds = List.copyOf(contactIds);
        terms = List.copyOf(terms);
    }
}
