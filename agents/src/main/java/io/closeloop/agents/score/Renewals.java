package io.closeloop.agents.score;

/**
 * Which deals are renewals: the CRM has no deal type yet, so a renewal is a deal whose name has
 * the word "renewal" (the demo names them {@code "<account> – renewal"}; HubSpot and Salesforce
 * users name them so too). A won renewal is a customer kept, a lost one a customer churned.
 */
final class Renewals {

    /** SQL condition on a deal aliased {@code d}. */
    static final String IS_RENEWAL = "d.name ~* '\\mrenewal\\M'";

    private Renewals() {
    }
}
