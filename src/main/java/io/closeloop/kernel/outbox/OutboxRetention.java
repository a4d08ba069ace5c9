package io.closeloop.kernel.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes outbox events that were published more than {@code closeloop.outbox.retention} ago
 * (default 7 days). Once the broker confirmed an event, its row only tells what went out and
 * when; kept for ever, the table grew by one row per ingested interaction, CRM change and action
 * event. Events not yet published are never deleted, however old. Runs every
 * {@code closeloop.outbox.retention-check} (default 1 h) in batches of {@value #BATCH} rows, each
 * its own short transaction; rows another instance is deleting at the same time are skipped.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    static final int BATCH = 10_000;

    private final EntityManager em;
    private final Duration retention;

    public OutboxRetention(EntityManager em, @ConfigProperty(name = "closeloop.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.em = em;
        this.retention = retention;
    }

    @Scheduled(every = "${closeloop.outbox.retention-check:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int deleted = purgePublishedBefore(Instant.now().minus(retention));
        if (deleted > 0) {
            LOG.infof("Deleted %d outbox events published more than %s ago", deleted, retention);
        }
    }

    /** Deletes the events published before {@code cutoff}; returns how many. */
    public int purgePublishedBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from outbox where id in (
                        select id from outbox where published_at < :cutoff order by id limit %d for update skip locked)"""
                    .formatted(BATCH)).setParameter("cutoff", cutoff).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
