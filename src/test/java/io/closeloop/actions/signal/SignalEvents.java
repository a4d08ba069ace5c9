package io.closeloop.actions.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import io.closeloop.support.RabbitTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds and publishes {@code vectorstore.interaction.ingested} events as the vector store does. */
final class SignalEvents {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SignalEvents() {
    }

    static long nextInteractionId() {
        return IDS.incrementAndGet();
    }

    static Map<String, Object> interaction(long id, long accountId, Long contactId, String direction, String from,
            String subject, String text, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("interactionId", id);
        event.put("accountId", accountId);
        event.put("contactId", contactId);
        event.put("channel", "EMAIL");
        event.put("direction", direction);
        event.put("occurredAt", at.toString());
        event.put("subject", subject);
        event.put("text", text);
        event.put("from", from);
        return event;
    }

    static String json(Object event) throws Exception {
        return JSON.writeValueAsString(event);
    }

    /** Publishes to closeloop.events like the outbox relay (persistent, JSON, a message id). */
    static void publish(RabbitTestClient rabbit, String routingKey, String body, String messageId) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .messageId(messageId == null ? UUID.randomUUID().toString() : messageId).type(routingKey).build();
        rabbit.channel().basicPublish("closeloop.events", routingKey, props, body.getBytes(StandardCharsets.UTF_8));
    }
}
