package io.closeloop.agents.api;

import io.closeloop.crm.rep.Rep;

/**
 * What the router hands an agent: who asks, what they wrote, the CRM record they are looking at
 * (any of account, contact, deal may be null) and the intent the router chose (an id of the
 * router's taxonomy, e.g. {@code draft_email}).
 */
public record AgentRequest(Rep rep, String message, Long accountId, Long contactId, Long dealId, String intent) {

    public AgentRequest {
        if (rep == null) {
            throw new IllegalArgumentException("an agent request needs the requesting rep");
        }
        message = message == null ? "" : message.strip();
    }
}
