package io.closeloop.kernel.outbox;

import io.closeloop.kernel.messaging.Confirmed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox events to the {@code closeloop.events} topic exchange, oldest first,
 * marking one published only once the broker's publisher confirm arrived. A batch is sent at once
 * and its confirms awaited in order; when one fails, it and every later event of the batch stay
 * pending and go again (later ones may then be delivered twice and before it: consumers
 * deduplicate by message id and do not depend on order, they handle messages concurrently). Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so several service instances relay without duplicates;
 * while the broker is down, events stay in the table and go out when it returns.
 * Delivery is at-least-once: consumers deduplicate by the message id (the outbox id).
 * <p>
 * When it runs: {@link Outbox} wakes the relay right after a transaction that wrote events has
 * committed (the instance that wrote an event relays it, so no cross-instance notification is
 * needed); the poll ({@code closeloop.outbox.poll-interval}) is the backstop for events whose
 * wake-up was lost (the instance died right after its commit, the broker was down). Runs are
 * serialised on one worker thread per instance (wake-ups during a run coalesce into one more run),
 * and each batch takes a transaction-level advisory lock, so instances relay one after the other
 * and events leave in id order across replicas too.
 * <p>
 * Until the broker has confirmed a first event on this instance's channel, batches hold one event.
 * The RabbitMQ connector opens its connection at the first message; messages sent meanwhile wait
 * and are handed over by the connector's thread once it is open, while messages sent after that
 * go straight out from the sending thread, so a pipelined first batch could overtake its own
 * first events (a test saw the 87th event arrive first). Once one event is confirmed the
 * connector's publisher exists for good (it reconnects by itself) and every send goes out in the
 * order given. Before that, the connector keeps trying to connect for as long as it takes
 * ({@code rabbitmq-reconnect-attempts} in {@code application.properties}): with its default of 100
 * attempts, a broker unreachable at the first send left the channel without a publisher until
 * restart ({@code BrokerUnreachableAtStartIT}).
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String CHANNEL = "closeloop-events";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(5);
    /** Key of the advisory lock that serialises relaying across instances ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Whether the broker confirmed an event on this channel since start: only then are batches pipelined. */
    private volatile boolean channelOpen;

    public OutboxRelay(@Channel(CHANNEL) Emitter<String> emitter, EntityManager em) {
        this.emitter = emitter;
        this.em = em;
    }

    @Scheduled(every = "${closeloop.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayScheduled() {
        wake();
    }

    /**
     * Asks for a relay run on this instance's relay thread and returns at once. A wake-up during
     * a run makes the run go round once more, so an event committed while a batch was being
     * published is not left for the next poll.
     */
    public void wake() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false); // shutting down: the next start's poll relays what is left
            }
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                try {
                    relay();
                } catch (RuntimeException e) {
                    LOG.debugf("Outbox relay run failed: %s", e.getMessage()); // the poll tries again
                }
            }
        } finally {
            running.set(false);
            if (requested.get()) {
                wake();
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Publishes what is pending; returns how many events were confirmed by the broker. */
    public int relay() {
        int total = 0;
        int size;
        int published;
        do {
            size = channelOpen ? BATCH : 1;
            int limit = size;
            published = QuarkusTransaction.requiringNew().call(() -> relayBatch(limit));
            total += published;
        } while (published == size);
        return total;
    }

    @SuppressWarnings("unchecked")
    private int relayBatch(int limit) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + RELAY_LOCK + ")) lock").getSingleResult();
        List<OutboxEvent> batch = em.createNativeQuery(
                "select * from outbox where published_at is null order by id limit " + limit + " for update skip locked",
                OutboxEvent.class).getResultList();
        // Pipelined: the whole batch is sent (in id order, on one channel), then the confirms are awaited in order.
        // Waiting for each confirm before sending the next cost a round trip to the broker per event.
        List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            sent.add(send(event));
        }
        List<Long> confirmed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            try {
                sent.get(i).get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                confirmed.add(event.id);
            } catch (Exception e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getMessage());
                LOG.debugf("Outbox event %d not published yet: %s", event.id, e.getMessage());
                // This one goes first next time; later ones of the batch may have gone out already and will go again
                // (at-least-once: consumers deduplicate by message id).
                break;
            }
        }
        if (!confirmed.isEmpty()) {
            channelOpen = true;
            em.createNativeQuery("update outbox set published_at = ?1 where id = any(?2)")
                    .setParameter(1, Instant.now()).setParameter(2, confirmed.toArray(Long[]::new)).executeUpdate();
        }
        return confirmed.size();
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
