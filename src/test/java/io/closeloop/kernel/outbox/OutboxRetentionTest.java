package io.closeloop.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Published outbox events are deleted once older than the retention; pending ones never are. */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRetention retention;

    /** An event the relay has published (so that it does not overwrite the times the test sets). */
    private long event(String marker) throws InterruptedException {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            outbox.publish("test.retention", Map.of("marker", marker));
            return ((Number) OutboxEvent.getEntityManager().createNativeQuery("select max(id) from outbox where payload ->> 'marker' = :m")
                    .setParameter("m", marker).getSingleResult()).longValue();
        });
        Instant deadline = Instant.now().plusSeconds(10);
        while (QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(id).publishedAt) == null
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return id;
    }

    private static void set(long id, String column, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.getEntityManager()
                .createNativeQuery("update outbox set " + column + " = :at where id = :id").setParameter("at", at).setParameter("id", id)
                .executeUpdate());
    }

    @Test
    void onlyEventsPublishedBeforeTheCutoffAreDeleted() throws Exception {
        Instant now = Instant.now();
        String run = Long.toString(System.nanoTime());
        long oldPublished = event("old-published-" + run);
        long recentPublished = event("recent-published-" + run);
        long oldPending = event("old-pending-" + run);
        set(oldPublished, "created_at", now.minus(Duration.ofDays(30)));
        set(oldPublished, "published_at", now.minus(Duration.ofDays(30)));
        set(recentPublished, "published_at", now.minus(Duration.ofDays(1)));
        set(oldPending, "created_at", now.minus(Duration.ofDays(30)));
        set(oldPending, "published_at", null);

        int deleted = retention.purgePublishedBefore(now.minus(Duration.ofDays(7)));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        List<Long> left = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list("id in ?1",
                List.of(oldPublished, recentPublished, oldPending)).stream().map(e -> e.id).sorted().toList());
        assertThat(left).containsExactly(recentPublished, oldPending);
        assertThat(retention.purgePublishedBefore(now.minus(Duration.ofDays(7)))).isZero(); // nothing more to do
    }
}
