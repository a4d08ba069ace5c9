package io.closeloop.crm.erasure;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Runs the retention purge on a schedule; with replicas, each runs it and the deletes are idempotent. */
@ApplicationScoped
public class RetentionJob {

    private final RetentionService retention;

    public RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(every = "${closeloop.retention.every:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        retention.purge(Instant.now());
    }
}
