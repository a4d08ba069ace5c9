package io.closeloop.kernel.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes domain events into the outbox table in the caller's transaction; {@link OutboxRelay}
 * publishes them to RabbitMQ after commit. An event exists exactly when its change was committed.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
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
    }
}
