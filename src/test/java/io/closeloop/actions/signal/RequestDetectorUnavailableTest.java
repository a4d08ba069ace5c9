package io.closeloop.actions.signal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.actions.action.Action;
import io.closeloop.actions.messaging.EventsConsumer;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.contact.EmailConsent;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without a trained request detector the open-request signal is unavailable and says so; nothing
 * else (no prototype scorer) stands in for it, and the other signals keep working.
 */
@QuarkusTest
@TestProfile(RequestDetectorUnavailableTest.NoDetector.class)
class RequestDetectorUnavailableTest {

    /** A detector name nobody trains. */
    public static class NoDetector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("closeloop.signals.request-detector.model", "untrained-request-detector");
        }
    }

    @Inject
    CrmFixtures crm;

    @Inject
    SignalIntake intake;

    @Inject
    RequestDetector detector;

    @Inject
    EventsConsumer consumer;

    @Test
    void theOpenRequestSignalIsUnavailableAndNothingStandsInForIt() throws Exception {
        assertThat(detector.availability().available()).isFalse();
        assertThat(detector.availability().detail()).contains("untrained-request-detector").contains("classifier train");
        assertThat(detector.score(SignalDetectionTest.REQUEST)).isEmpty();
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'open-request-signal' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'open-request-signal' }.data.detail", containsString("no version"));

        Rep alice = crm.rep("alice", RepRole.REP, crm.team("no-detector"));
        Account account = crm.account("Undetected Co", alice);
        Contact sam = crm.contact(account, "Sam", EmailConsent.GRANTED);
        assertThat(intake.onInteraction(new InteractionSignal(System.nanoTime(), account.id, sam.id, null, "EMAIL", "INBOUND", Instant.now(),
                "Paperwork", SignalDetectionTest.REQUEST, sam.email, null, null))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> SignalState.count("accountId = ?1 and kind = ?2", account.id,
                SignalKind.OPEN_REQUEST))).isZero();
        // through the consumer, whose transaction wraps the intake: the missing model must not roll it back
        String mail = SignalEvents.json(SignalEvents.interaction(SignalEvents.nextInteractionId(), account.id, sam.id, "INBOUND", sam.email,
                "More paperwork", SignalDetectionTest.REQUEST, Instant.now()));
        consumer.handle(EventsConsumer.INTERACTION_INGESTED, CrmFixtures.unique("m"), mail);
        // the other signals run as before
        assertThat(intake.onInteraction(new InteractionSignal(System.nanoTime(), account.id, sam.id, null, "EMAIL", "INBOUND", Instant.now(),
                "Contract", SignalDetectionTest.CHURN, sam.email, null, null))).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Action.count("account.id = ?1", account.id))).isEqualTo(1);
    }
}
