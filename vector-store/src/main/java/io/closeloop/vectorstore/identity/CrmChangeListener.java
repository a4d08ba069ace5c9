package io.closeloop.vectorstore.identity;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listens to CRM account and contact events (queue {@code vectorstore.crm-changes} on the
 * {@code closeloop.events} exchange) and tries the unmatched interactions again: a new contact
 * or a new account domain may be the match they were waiting for.
 */
@ApplicationScoped
public class CrmChangeListener {

    public static final String CHANNEL = "vectorstore-crm-changes";

    private final UnmatchedInteractions unmatched;

    public CrmChangeListener(UnmatchedInteractions unmatched) {
        this.unmatched = unmatched;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onCrmChange(byte[] event) {
        unmatched.retry();
    }
}
