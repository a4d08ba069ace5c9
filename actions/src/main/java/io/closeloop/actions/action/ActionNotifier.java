package io.closeloop.actions.action;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * After a transition commits: pushes it to the open server-sent-event streams, and for a draft
 * that has just been queued records its event-to-queue latency in the
 * {@code closeloop.actions.event.to.queue} histogram.
 */
@ApplicationScoped
public class ActionNotifier {

    public static final String LATENCY_METRIC = "closeloop.actions.event.to.queue";

    private final BroadcastProcessor<ActionView> changes = BroadcastProcessor.create();
    private final Timer latency;

    public ActionNotifier(MeterRegistry registry) {
        this.latency = Timer.builder(LATENCY_METRIC)
                .description("From the event that triggered a draft to the draft committed in a queue")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ActionChanged changed) {
        if (changed.from() == null && changed.eventAt() != null) {
            Duration elapsed = Duration.between(changed.eventAt(), Instant.now());
            if (!elapsed.isNegative()) {
                latency.record(elapsed);
            }
        }
        changes.onNext(changed.action());
    }

    /** The committed changes of the actions the filter admits, from now on. */
    public Multi<ActionView> stream(Predicate<ActionView> visible) {
        return changes.select().where(visible);
    }
}
