package io.closeloop.kernel.outbox;

import io.closeloop.kernel.messaging.Confirmed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox events to the {@code closeloop.events} topic exchange, oldest first,
 * waiting for the broker's publisher confirm before marking one published. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several service instances relay without duplicates;
 * while the broker is down, events stay in the table and go out when it returns.
 * Delivery is at-least-once: consumers deduplicate by the message id (the outbox id).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "closeloop-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);

    private final Emitter<String> emitter;
    private final EntityManager em;

    public OutboxRelay(@Channel(CHANNEL) Emitter<String> emitter, EntityManager em) {
        this.emitter = emitter;
        this.em = em;
    }

    @Scheduled(every = "${closeloop.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayScheduled() {
        relay();
    }

    /** Publishes what is pending; returns how many events were confirmed by the broker. */
    public int relay() {
        int total = 0;
        int published;
        do {
            published = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += published;
        } while (published == BATCH);
        return total;
    }

    @SuppressWarnings("unchecked")
    private int relayBatch() {
        List<OutboxEvent> batch = em.createNativeQuery(
                "select * from outbox where published_at is null order by id limit " + BATCH + " for update skip locked",
                OutboxEvent.class).getResultList();
        int published = 0;
        for (OutboxEvent event : batch) {
            try {
                send(event).get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                event.publishedAt = Instant.now();
                published++;
            } catch (Exception e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getMessage());
                LOG.debugf("Outbox event %d not published yet: %s", event.id, e.getMessage());
                break; // keep order: retry this one first next time
            }
        }
        return published;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(event.routingKey)
                .withMessageId(String.valueOf(event.id))
                .withType(event.eventType)
                .withContentType("application/json")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.now())
                .build();
        return Confirmed.send(emitter, event.payload, metadata);
    }
}
