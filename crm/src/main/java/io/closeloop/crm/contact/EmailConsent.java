package io.closeloop.crm.contact;

/** Whether a contact may be e-mailed. Only GRANTED allows marketing and sales e-mail. */
public enum EmailConsent {
    UNKNOWN, GRANTED, WITHDRAWN
}
