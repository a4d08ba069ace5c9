package io.closeloop.actions.action;

import io.closeloop.actions.feedback.FeedbackRecorder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Expires drafts nobody decided on in time (recorded as EXPIRED feedback: a silent "no"). */
@ApplicationScoped
public class ActionExpiry {

    private final ActionLifecycle lifecycle;
    private final FeedbackRecorder feedback;

    public ActionExpiry(ActionLifecycle lifecycle, FeedbackRecorder feedback) {
        this.lifecycle = lifecycle;
        this.feedback = feedback;
    }

    @Scheduled(every = "${closeloop.actions.expiry-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        expireDue();
    }

    /** Expires every pending draft past its time; returns how many. */
    public int expireDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Action> due = Action.getEntityManager().createNativeQuery("""
                    select * from action where status in ('DRAFTED', 'NEEDS_APPROVAL', 'APPROVED_BY_MANAGER')
                    and expires_at < now() order by id limit 500 for update skip locked""", Action.class).getResultList();
            for (Action action : due) {
                action.decidedAt = java.time.Instant.now();
                lifecycle.move(action, ActionStatus.EXPIRED, null, "nobody decided before " + action.expiresAt);
                feedback.expired(action);
            }
            return due.size();
        });
    }
}
