package io.closeloop.actions;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionDrafts;
import io.closeloop.actions.action.ActionEvent;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.actions.action.GuardrailCheck;
import io.closeloop.actions.execution.ActionExecutor;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Drafts actions for tests through the real drafting service, and reads them back. */
@ApplicationScoped
public class ActionFixtures {

    private final ActionDrafts drafts;

    public ActionFixtures(ActionDrafts drafts) {
        this.drafts = drafts;
    }

    public static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    public Action email(Long accountId, Long contactId, String to, String subject, String body, GuardrailCheck check) {
        return draft(new DraftRequest(ActionType.EMAIL, accountId, contactId, null, null, List.of(to), subject, body, null,
                null, null, null, ActionOrigin.CHAT, "chat-request:1", "email-drafter", "llm", List.of(11L, 12L), check,
                null, null));
    }

    public Action task(Long accountId, Long dealId, String subject, LocalDate due) {
        return draft(new DraftRequest(ActionType.TASK, accountId, null, dealId, null, List.of(), subject, "Call them", null,
                null, null, due, ActionOrigin.CHAT, null, "task-agent", "small", List.of(), null, null, null));
    }

    public Action fieldUpdate(Long dealId, String field, String newValue) {
        return draft(new DraftRequest(ActionType.CRM_FIELD_UPDATE, null, null, dealId, null, List.of(), null, null, field,
                null, newValue, null, ActionOrigin.CHAT, null, "crm-updater", "small", List.of(), null, null, null));
    }

    public Action draft(DraftRequest request) {
        return QuarkusTransaction.requiringNew().call(() -> drafts.draft(request, null).action());
    }

    /** Approves the draft through the API as {@code rep} (with its current version) and returns it as stored. */
    public static Action approve(Rep rep, Action draft) {
        as(rep).body(Map.of("version", draft.version)).post("/api/actions/{id}/approve", draft.id).then().statusCode(200);
        return load(draft.id);
    }

    public static Action load(Long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Action a = Action.findById(id);
            a.recipients.size();
            return a;
        });
    }

    /**
     * Claims the given action through the executor, as the instance that picks it up would. Other
     * actions due in the shared test database (left by earlier test classes, oldest first) are
     * claimed and performed on the way, so that the test does not depend on what ran before it.
     */
    public static void claim(ActionExecutor executor, long id) {
        for (int i = 0; i < 1_000; i++) {
            Optional<Long> claimed = executor.claimNext();
            assertThat(claimed).as("action %d is due", id).isPresent();
            if (claimed.get() == id) {
                return;
            }
            executor.perform(claimed.get());
        }
        throw new AssertionError("action " + id + " was never claimed");
    }

    /**
     * Drives the executor through the action's retries as its poll would (test profiles turn the poll off): while
     * the action failed with a retry scheduled, waits for the back-off and runs what is due. Returns its last state.
     */
    public static Action settle(ActionExecutor executor, long id) throws InterruptedException {
        Action a = load(id);
        while (a.status == ActionStatus.FAILED && a.nextAttemptAt != null) {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), a.nextAttemptAt).toMillis()) + 50);
            executor.runDue();
            a = load(id);
        }
        return a;
    }

    /** The action's status history ("STATUS: note" per lifecycle event), for assertion messages. */
    public static List<String> history(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ActionEvent.of(id).stream().map(e -> e.toStatus + ": " + e.note).toList());
    }

    /** Waits until the action satisfies the condition, returning its last state. */
    public static Action await(Long id, Predicate<Action> condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Action a = load(id);
        while (!condition.test(a) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            a = load(id);
        }
        return a;
    }

    /** The action, checked to have failed for good (FAILED, no retry scheduled) with a last error that contains {@code reason}. */
    public static Action failedForGood(Long id, String reason) {
        Action a = load(id);
        assertThat(a.status).as("status of action %d (last error: %s)", id, a.lastError).isEqualTo(ActionStatus.FAILED);
        assertThat(a.nextAttemptAt).as("retry of action %d", id).isNull();
        assertThat(a.lastError).contains(reason);
        return a;
    }

    public static Predicate<Action> status(ActionStatus status) {
        return a -> a.status == status;
    }
}
