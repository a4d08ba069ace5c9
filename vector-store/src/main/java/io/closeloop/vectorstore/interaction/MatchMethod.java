package io.closeloop.vectorstore.interaction;

/** How an interaction was linked to the CRM (identity resolution), strongest first. */
public enum MatchMethod {
    /** The sender named the contact id. */
    CONTACT_ID,
    /** The sender named the account id. */
    ACCOUNT_ID,
    /** The sender named a deal id; the account is the deal's. */
    DEAL_ID,
    /** A participant's e-mail address is a contact's. */
    CONTACT_EMAIL,
    /** A participant's e-mail domain is an account's domain. */
    ACCOUNT_DOMAIN,
    /** The company name given normalises to exactly one account's name. */
    ACCOUNT_NAME,
    /** Attached by a person reviewing the unmatched list. */
    MANUAL,
    /** Nothing matched yet: kept, listed for review, attached when a later match appears. */
    UNMATCHED
}
