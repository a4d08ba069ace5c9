package io.closeloop.actions.feedback;

import static io.closeloop.actions.ActionFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.actions.ActionFixtures;
import io.closeloop.actions.action.Action;
import io.closeloop.actions.messaging.EventsConsumer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.deal.DealStage;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outcomes reach accepted and rejected actions alike, from the real events on the broker, once each. */
@QuarkusTest
class OutcomeTrackingTest {

    @Inject
    CrmFixtures crm;

    @Inject
    ActionFixtures actions;

    @Inject
    EventsConsumer consumer;

    Rep alice;
    Account account;
    Contact contact;
    Deal deal;

    @BeforeEach
    void setUp() {
        alice = crm.rep("alice", RepRole.REP, crm.team("outcomes"));
        account = crm.account("Outcome Co", alice);
        contact = crm.contact(account, "Olga", EmailConsent.GRANTED);
        deal = crm.deal(account, "Big one", DealStage.NEGOTIATION, alice);
    }

    @Test
    void wonDealIsAnOutcomeOfTheAcceptedAndOfTheRejectedActionOnIt() throws Exception {
        Action accepted = actions.task(account.id, deal.id, "Send the contract", null);
        Action rejected = actions.task(account.id, deal.id, "Offer a discount", null);
        Action undecided = actions.task(account.id, deal.id, "Ask for references", null);
        as(alice).body(Map.of("version", accepted.version)).post("/api/actions/{id}/approve", accepted.id).then().statusCode(200);
        as(alice).body(Map.of("version", rejected.version, "reason", "WRONG_FACTS")).post("/api/actions/{id}/reject", rejected.id)
                .then().statusCode(200);
        int version = as(alice).get("/api/deals/{id}", deal.id).then().extract().path("version");
        as(alice).body(Map.of("stage", "CLOSED_WON", "version", version)).patch("/api/deals/{id}", deal.id).then().statusCode(200);

        assertThat(awaitOutcomes(accepted.id, 1)).containsExactly("DEAL_WON");
        assertThat(awaitOutcomes(rejected.id, 1)).containsExactly("DEAL_WON");
        assertThat(outcomes(undecided.id)).isEmpty();
    }

    @Test
    void customerReplyIsAttachedToTheEmailActionOnceEvenWhenTheEventRepeats() throws Exception {
        Action email = actions.email(account.id, contact.id, contact.email, "Checking in", "Hello Olga", null);
        as(alice).body(Map.of("version", email.version, "reason", "NOT_NEEDED_NOW")).post("/api/actions/{id}/reject", email.id)
                .then().statusCode(200);
        String reply = """
                {"interactionId": %d, "accountId": %d, "contactId": %d, "direction": "INBOUND", "channel": "EMAIL",
                 "occurredAt": "%s", "subject": "Re: Checking in", "text": "Thanks, all good here."}"""
                .formatted(System.nanoTime(), account.id, contact.id, Instant.now().plusSeconds(1));
        consumer.handle(EventsConsumer.INTERACTION_INGESTED, "m1", reply);
        consumer.handle(EventsConsumer.INTERACTION_INGESTED, "m2", reply);
        assertThat(outcomes(email.id)).containsExactly("CUSTOMER_REPLIED");
    }

    private static List<String> outcomes(long actionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> kinds = Action.getEntityManager()
                    .createNativeQuery("select kind from action_outcome where action_id = :a order by id")
                    .setParameter("a", actionId).getResultList();
            return kinds;
        });
    }

    private static List<String> awaitOutcomes(long actionId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        List<String> found = outcomes(actionId);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = outcomes(actionId);
        }
        return found;
    }
}
