package io.closeloop.kernel.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Writes domain events into the outbox table in the caller's transaction; {@link OutboxRelay}
 * publishes them to RabbitMQ after commit. An event exists exactly when its change was committed.
 * The first event of a transaction registers a synchronization that wakes this instance's relay
 * as soon as the transaction has committed, so an event leaves within milliseconds instead of
 * at the relay's next poll.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param eventType  dotted name, also the routing key, e.g. {@code crm.deal.stage-changed}
     * @param payload    any Jackson-serialisable value
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String eventType, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventType = eventType;
        event.routingKey = eventType;
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + eventType + " is not serialisable", e);
        }
        event.persist();
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return; // one wake-up per transaction, however many events it writes
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
