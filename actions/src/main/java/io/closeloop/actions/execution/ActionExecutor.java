package io.closeloop.actions.execution;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionLifecycle;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionType;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Executes approved actions, each exactly once. An action is claimed (EXECUTING, with a lease)
 * in one transaction, its effect applied by the adapter for its type (idempotent by the
 * action's key), and the result recorded in another. An instance that dies in between leaves an
 * EXECUTING action whose lease runs out; any instance then recovers it, and the adapter's receipt
 * tells whether the effect already happened. Failures are retried with exponential back-off.
 */
@ApplicationScoped
public class ActionExecutor {

    private static final Logger LOG = Logger.getLogger(ActionExecutor.class);

    private final ActionLifecycle lifecycle;
    private final ExecutionConfig config;
    private final Map<ActionType, ExecutionAdapter> adapters = new EnumMap<>(ActionType.class);

    public ActionExecutor(ActionLifecycle lifecycle, ExecutionConfig config, Instance<ExecutionAdapter> adapters) {
        this.lifecycle = lifecycle;
        this.config = config;
        adapters.forEach(a -> this.adapters.put(a.type(), a));
    }

    @Scheduled(every = "${closeloop.actions.execution.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        runDue();
    }

    /** Executes every action that is due now; returns how many were attempted. */
    public int runDue() {
        int count = 0;
        Optional<Long> next;
        while ((next = claimNext()).isPresent()) {
            perform(next.get());
            count++;
        }
        return count;
    }

    /**
     * Claims the oldest due action: approved, a failed one whose retry time has come, or one whose
     * executing instance's lease ran out. Locked rows of other instances are skipped.
     */
    public Optional<Long> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Action> due = Action.getEntityManager().createNativeQuery("""
                    select * from action
                    where status in ('APPROVED', 'EDITED_AND_APPROVED')
                       or (status = 'FAILED' and next_attempt_at <= now())
                       or (status = 'EXECUTING' and lease_until < now())
                    order by coalesce(next_attempt_at, decided_at, created_at), id
                    limit 1 for update skip locked""", Action.class).getResultList();
            if (due.isEmpty()) {
                return Optional.<Long>empty();
            }
            Action action = due.get(0);
            String before = lifecycle.snapshot(action);
            boolean recovering = action.status == ActionStatus.EXECUTING;
            action.attempts++;
            action.leaseUntil = Instant.now().plus(config.lease());
            action.nextAttemptAt = null;
            lifecycle.move(action, ActionStatus.EXECUTING, null,
                    recovering ? "recovered after the lease of an earlier attempt ran out" : "attempt " + action.attempts, before);
            return Optional.of(action.id);
        });
    }

    /** Applies the claimed action's effect and records the result. */
    @WithSpan("closeloop.actions.execute")
    public void perform(long actionId) {
        ActionType type = QuarkusTransaction.requiringNew().call(() -> Action.<Action>findById(actionId).type);
        try {
            ExecutionAdapter adapter = adapters.get(type);
            if (adapter == null) {
                throw new PermanentFailure("No execution adapter for " + type);
            }
            String ref = adapter.execute(actionId);
            QuarkusTransaction.requiringNew().run(() -> complete(actionId, ref));
        } catch (Exception e) {
            LOG.warnf("Action %d failed: %s", actionId, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> fail(actionId, e));
        }
    }

    private void complete(long actionId, String ref) {
        Action action = Action.findById(actionId);
        String before = lifecycle.snapshot(action);
        action.executedAt = Instant.now();
        action.externalRef = ref;
        action.leaseUntil = null;
        action.lastError = null;
        lifecycle.move(action, ActionStatus.EXECUTED, null, ref, before);
    }

    private void fail(long actionId, Exception e) {
        Action action = Action.findById(actionId);
        String before = lifecycle.snapshot(action);
        boolean retry = !(e instanceof PermanentFailure) && action.attempts < config.maxAttempts();
        action.lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        action.leaseUntil = null;
        action.nextAttemptAt = retry ? Instant.now().plus(backoff(action.attempts)) : null;
        lifecycle.move(action, ActionStatus.FAILED, null, action.lastError + "; "
                + (retry ? "retry at " + action.nextAttemptAt : "failed for good after " + action.attempts + " attempt(s)"), before);
    }

    /** Delay before the retry that follows attempt {@code n}: base * 2^(n-1), at most the maximum. */
    Duration backoff(int attempt) {
        Duration delay = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : delay;
    }
}
