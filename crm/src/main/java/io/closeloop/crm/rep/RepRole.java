package io.closeloop.crm.rep;

/** What a user of Closeloop may see: their own accounts, their team's, or everything. */
public enum RepRole {
    REP, MANAGER, ADMIN
}
