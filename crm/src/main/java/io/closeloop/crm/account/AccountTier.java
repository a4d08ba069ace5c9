package io.closeloop.crm.account;

/** Commercial tier of an account, largest first. */
public enum AccountTier {
    STRATEGIC, ENTERPRISE, MID_MARKET, SMB
}
