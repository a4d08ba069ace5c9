package io.closeloop.actions.action;

/** What an action does when it is executed. */
public enum ActionType {
    /** Sends an e-mail over SMTP. */
    EMAIL,
    /** Changes one field of a CRM record (a deal's stage goes through the stage history). */
    CRM_FIELD_UPDATE,
    /** Creates a CRM task for the owner. */
    TASK,
    /** Logs a note on the account. */
    NOTE
}
