package io.closeloop.crm.deal;

/** Pipeline stages in their order; the last two are closed. */
public enum DealStage {
    PROSPECTING, QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, CLOSED_WON, CLOSED_LOST;

    public boolean isClosed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }

    /** Position in the open pipeline; both closed stages come after every open one. */
    public int order() {
        return this == CLOSED_LOST ? CLOSED_WON.ordinal() : ordinal();
    }
}
