package io.closeloop.actions.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.actions.feedback.OutcomeTracker;
import io.closeloop.actions.signal.InteractionSignal;
import io.closeloop.actions.signal.SignalIntake;
import io.closeloop.vectorstore.interaction.Interaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Consumes the events the action loop reacts to from the durable queue
 * {@code closeloop.actions.signals} (bound to {@code closeloop.events}): ingested interactions
 * and deal stage changes feed the signal detectors and the outcome tracker. Replicas compete for
 * the queue; handling is idempotent (keyed by interaction id or outbox message id). A message
 * that can never be handled is dead-lettered with its reason; a transient failure is requeued
 * once, then dead-lettered too.
 */
@ApplicationScoped
public class EventsConsumer {

    public static final String CHANNEL = "actions-signals";
    public static final String INTERACTION_INGESTED = "vectorstore.interaction.ingested";
    public static final String DEAL_STAGE_CHANGED = "crm.deal.stage-changed";
    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    private final SignalIntake signals;
    private final OutcomeTracker outcomes;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    public EventsConsumer(SignalIntake signals, OutcomeTracker outcomes, DeadLetters deadLetters, ObjectMapper json) {
        this.signals = signals;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = false)
    public CompletionStage<Void> consume(Message<?> message) {
        IncomingRabbitMQMetadata meta = message.getMetadata(IncomingRabbitMQMetadata.class).orElse(null);
        String routingKey = meta == null ? "" : meta.getRoutingKey();
        String messageId = meta == null ? null : meta.getMessageId().orElse(null);
        String body = text(message.getPayload());
        try {
            handle(routingKey, messageId, body);
            return message.ack();
        } catch (PoisonMessage e) {
            LOG.warnf("Dead-lettering %s message %s: %s", routingKey, messageId, e.getMessage());
            deadLetters.record(SignalIntake.CONSUMER, messageId, routingKey, body, e.getMessage());
            return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(false)));
        } catch (RuntimeException e) {
            boolean again = meta != null && !meta.isRedeliver();
            LOG.warnf(e, "Handling %s message %s failed%s", routingKey, messageId, again ? "; requeued once" : "; dead-lettered");
            if (!again) {
                deadLetters.record(SignalIntake.CONSUMER, messageId, routingKey, body, "failed twice: " + e);
            }
            return message.nack(e, Metadata.of(new RabbitMQRejectMetadata(again)));
        }
    }

    /** Handles one event; {@link PoisonMessage} when it can never be handled. */
    public void handle(String routingKey, String messageId, String body) {
        JsonNode event = parse(body);
        switch (routingKey) {
            case INTERACTION_INGESTED -> interaction(event);
            case DEAL_STAGE_CHANGED -> stageChanged(event, messageId);
            default -> throw new PoisonMessage("no handler for routing key '" + routingKey + "'", null);
        }
    }

    private void interaction(JsonNode e) {
        long interactionId = requiredLong(e, "interactionId");
        if (optionalLong(e, "accountId") == null) {
            return; // not matched to an account yet: the vector store publishes again when it is attached
        }
        String subject = e.path("subject").asText(null);
        String text = e.path("text").asText(null);
        String from = e.path("from").asText(null);
        String threadId = e.path("threadId").asText(null);
        if (text == null) { // the vector store's event carries links only; the content is in its table
            Interaction stored = QuarkusTransaction.requiringNew().call(() -> Interaction.findById(interactionId));
            if (stored == null) {
                throw new PoisonMessage("interaction " + interactionId + " does not exist", null);
            }
            subject = stored.subject;
            text = stored.body;
            from = stored.fromEmail;
            threadId = stored.threadId;
        }
        InteractionSignal s = new InteractionSignal(interactionId, requiredLong(e, "accountId"),
                optionalLong(e, "contactId"), optionalLong(e, "dealId"), e.path("channel").asText(null),
                e.path("direction").asText("INBOUND"), instant(e, "occurredAt"), subject, text, from, threadId,
                instant(e, "ingestedAt"));
        Instant at = s.occurredAt() == null ? Instant.now() : s.occurredAt();
        QuarkusTransaction.requiringNew().run(() -> {
            signals.onInteraction(s);
            if (s.inbound()) {
                outcomes.customerReplied(s.accountId(), s.contactId(), at, "interaction:" + s.interactionId());
            }
        });
    }

    private void stageChanged(JsonNode e, String messageId) {
        if (messageId == null) {
            throw new PoisonMessage("a stage change without message id cannot be deduplicated", null);
        }
        long dealId = requiredLong(e, "dealId");
        long accountId = requiredLong(e, "accountId");
        String to = e.path("to").asText(null);
        if (to == null) {
            throw new PoisonMessage("'to' is missing", null);
        }
        String from = e.path("from").asText(null);
        Instant at = Instant.now();
        String key = "outbox:" + messageId;
        QuarkusTransaction.requiringNew().run(() -> {
            signals.onDealActivity(key, accountId, dealId, at);
            outcomes.dealMoved(dealId, from, to, key);
        });
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new PoisonMessage("the body is not a JSON object", null);
            }
            return node;
        } catch (PoisonMessage e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonMessage("the body is not JSON: " + e.getMessage(), e);
        }
    }

    private static long requiredLong(JsonNode e, String field) {
        JsonNode v = e.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new PoisonMessage("'" + field + "' is missing or not a number", null);
        }
        return v.asLong();
    }

    private static Long optionalLong(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    private static Instant instant(JsonNode e, String field) {
        String v = e.path(field).asText(null);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (Exception ex) {
            throw new PoisonMessage("'" + field + "' is not an ISO-8601 instant", ex);
        }
    }

    private static String text(Object payload) {
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(payload);
    }
}
