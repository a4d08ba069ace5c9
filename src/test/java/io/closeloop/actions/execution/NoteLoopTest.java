package io.closeloop.actions.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.action.ActionOrigin;
import io.closeloop.actions.action.ActionStatus;
import io.closeloop.actions.action.ActionType;
import io.closeloop.actions.action.DraftRequest;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.Direction;
import io.closeloop.vectorstore.interaction.Interaction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NOTE actions become interactions of channel NOTE on the account (actions' NoteStore over the
 * vector store's ingestion): embedded like any interaction, and exactly one however often the
 * execution is retried, including after a crash that lost the execution receipt.
 */
@QuarkusTest
@TestProfile(ManualExecutionProfile.class)
class NoteLoopTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Inject
    ActionExecutor executor;

    @Inject
    NoteAdapter notes;

    Rep alice;
    Account account;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("notes"));
        account = crm.account("Noted Co", alice);
    }

    private Action noteDraft(String body) {
        return actions.draft(new DraftRequest(ActionType.NOTE, account.id, null, null, null, List.of(), null, body, null, null, null, null,
                ActionOrigin.CHAT, "route-decision:1", "log-activity", "chat/small-agent", List.of(), null, null, null));
    }

    private static List<Interaction> notesFor(Action action) {
        return QuarkusTransaction.requiringNew().call(() -> Interaction.<Interaction>list("externalId", "closeloop-note:" + action.idempotencyKey));
    }

    @Test
    void approvingANoteStoresExactlyOneInteractionEvenWhenExecutionIsRetried() throws Exception {
        String body = "Call with Erin: the budget for " + CrmFixtures.unique("q") + " is approved; send the order form on Monday.";
        Action draft = noteDraft(body);
        assertThat(draft.guardrailVerdict).isEqualTo("ALLOW");
        ActionFixtures.as(alice).body(Map.of("version", draft.version)).post("/api/actions/{id}/approve", draft.id).then().statusCode(200);
        Action action = ActionFixtures.load(draft.id);

        ActionFixtures.claim(executor, action.id);
        String ref = notes.execute(action.id); // stored, then the instance dies before recording the outcome ...
        QuarkusTransaction.requiringNew().run(() -> ExecutionReceipt.deleteById(action.idempotencyKey)); // ... and before the receipt committed
        Thread.sleep(1200); // the lease expires
        executor.runDue();

        Action done = ActionFixtures.load(action.id);
        assertThat(done.status).isEqualTo(ActionStatus.EXECUTED);
        assertThat(done.externalRef).isEqualTo(ref).startsWith("interaction:");
        List<Interaction> stored = notesFor(action);
        assertThat(stored).hasSize(1);
        Interaction note = stored.get(0);
        assertThat(ref).isEqualTo("interaction:" + note.id);
        assertThat(note.channel).isEqualTo(Channel.NOTE);
        assertThat(note.direction).isEqualTo(Direction.INTERNAL);
        assertThat(note.accountId).isEqualTo(account.id);
        assertThat(note.body).isEqualTo(body);
        assertThat(note.fromEmail).isEqualTo(alice.email); // the rep who approved it wrote it
        assertThat(note.embeddingModel).isNotBlank(); // embedded and retrievable like every interaction
        long chunks = QuarkusTransaction.requiringNew().call(() -> ((Number) Interaction.getEntityManager()
                .createNativeQuery("select count(*) from interaction_chunk where interaction_id = :id").setParameter("id", note.id)
                .getSingleResult()).longValue());
        assertThat(chunks).isPositive();

        assertThat(notes.execute(action.id)).isEqualTo(ref); // a further retry is answered from the receipt
        assertThat(notesFor(action)).hasSize(1);
    }
}
