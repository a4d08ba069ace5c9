package io.closeloop.kernel.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

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
    private final EntityManager em;

    public Outbox(ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay, EntityManager em) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.em = em;
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

    /**
     * Several events of one type in one statement (a multi-row insert), in the order given: for
     * callers that write many rows per transaction, where an entity insert per event costs more
     * than the change itself. Same guarantees as {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String eventType, List<?> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        String[] texts = new String[payloads.size()];
        for (int i = 0; i < texts.length; i++) {
            try {
                texts[i] = json.writeValueAsString(payloads.get(i));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Event " + eventType + " is not serialisable", e);
            }
        }
        em.flush(); // the rows the events describe are written first, as with entity inserts in one flush
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into outbox (routing_key, event_type, payload) "
                    + "select ?, ?, cast(p as jsonb) from unnest(cast(? as text[])) with ordinality as t(p, n) order by n")) {
                insert.setString(1, eventType);
                insert.setString(2, eventType);
                insert.setArray(3, connection.createArrayOf("text", texts));
                insert.executeUpdate();
            }
        });
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
