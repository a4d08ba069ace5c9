package io.closeloop.router.learn;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.agents.classifier.LabelledExample;
import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.closeloop.crm.team.Team;
import io.closeloop.router.intents.IntentTaxonomy;
import io.closeloop.router.policy.ServingModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Corrections and acceptances become labelled candidates; retraining promotes a challenger only without regression. */
@QuarkusTest
class FeedbackAndRetrainTest {

    @Inject
    CrmFixtures fixtures;
    @Inject
    RetrainService retraining;
    @Inject
    RetrainCommand command;
    @Inject
    IntentTaxonomy taxonomy;
    @Inject
    EntityManager entityManager;

    Rep alice;
    Rep bob;

    @BeforeEach
    void setUp() {
        Team team = fixtures.team("feedback");
        alice = fixtures.rep("alice", RepRole.REP, team);
        bob = fixtures.rep("bob", RepRole.REP, team);
        retraining.serving();
    }

    static RequestSpecification as(Rep rep) {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON);
    }

    private long ask(Rep rep, String message) {
        return as(rep).body(Map.of("message", message)).post("/api/chat").then().statusCode(200).extract().jsonPath().getLong("decisionId");
    }

    private IntentCandidate candidate(long decisionId) {
        return QuarkusTransaction.requiringNew().call(() -> IntentCandidate.<IntentCandidate>find("decisionId", decisionId).firstResult());
    }

    @Test
    void aCorrectionMakesALabelledCandidateFromTheMessage() {
        long id = ask(alice, "how are my numbers looking");
        as(alice).body(Map.of("intent", "pipeline_summary")).post("/api/chat/{id}/correction", id).then().statusCode(200)
                .body("label", equalTo("pipeline_summary")).body("source", equalTo("CORRECTION"));
        IntentCandidate c = candidate(id);
        assertThat(c.text).isEqualTo("how are my numbers looking");
        assertThat(c.label).isEqualTo("pipeline_summary");
        assertThat(c.repId).isEqualTo(alice.id);
    }

    @Test
    void aCorrectionMustNameAnIntentOfTheTaxonomy() {
        long id = ask(alice, "how are my numbers looking");
        for (Object body : List.of(Map.of("intent", "admin_agent"), Map.of("intent", " "), Map.of())) {
            as(alice).body(body).post("/api/chat/{id}/correction", id).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("intent"));
        }
        assertThat(candidate(id)).isNull();
    }

    @Test
    void onlyTheRepWhoAskedCanGiveFeedbackOnADecision() {
        long id = ask(alice, "how are my numbers looking");
        as(bob).body(Map.of("intent", "pipeline_summary")).post("/api/chat/{id}/correction", id).then().statusCode(404);
        as(bob).post("/api/chat/{id}/accepted", id).then().statusCode(404);
        as(alice).body(Map.of("intent", "pipeline_summary")).post("/api/chat/{id}/correction", Long.MAX_VALUE).then().statusCode(404);
        assertThat(candidate(id)).isNull();
    }

    @Test
    void anAcceptedAnswerLabelsTheRoutedIntentButNeverOverridesACorrection() {
        long accepted = ask(alice, "Show me the Acme account");
        as(alice).post("/api/chat/{id}/accepted", accepted).then().statusCode(200)
                .body("label", equalTo("lookup_account_or_deal")).body("source", equalTo("ACCEPTED"));

        long corrected = ask(alice, "Show me the Acme account");
        as(alice).body(Map.of("intent", "summarize_account")).post("/api/chat/{id}/correction", corrected).then().statusCode(200);
        as(alice).post("/api/chat/{id}/accepted", corrected).then().statusCode(200)
                .body("label", equalTo("summarize_account")).body("source", equalTo("CORRECTION"));
        assertThat(candidate(corrected).label).isEqualTo("summarize_account");

        long clarified = ask(alice, "tell me a joke");
        as(alice).post("/api/chat/{id}/accepted", clarified).then().statusCode(409);
    }

    @Test
    void retrainingPromotesAChallengerThatDoesNotRegressAndKeepsTheChampionOtherwise() {
        int v1 = retraining.serving().version();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command.run(new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        ServingModel promoted = retraining.serving();
        // trained on the same data with the same seed plus a few correct candidates: no regression
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("PROMOTED").contains("thresholds");
        assertThat(promoted.version()).isGreaterThan(v1);
        assertThat(promoted.thresholds()).hasSize(taxonomy.intents().size());

        List<Long> poison = poison(Set.of("lookup_account_or_deal", "pipeline_summary", "create_task", "log_activity"));
        try {
            RetrainOutcome outcome = retraining.retrain("test");
            assertThat(outcome.promoted()).as(outcome.reason()).isFalse();
            assertThat(outcome.challengerAccuracy()).isLessThan(outcome.championAccuracy());
            assertThat(outcome.candidates()).isGreaterThanOrEqualTo(poison.size());
            assertThat(retraining.serving().version()).isEqualTo(promoted.version());
            Object[] logged = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select promoted, challenger_version, champion_version from intent_retraining order by id desc limit 1").getSingleResult());
            assertThat(logged[0]).isEqualTo(false);
            assertThat(((Number) logged[1]).intValue()).isEqualTo(outcome.challengerVersion());
            assertThat(((Number) logged[2]).intValue()).isEqualTo(promoted.version());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from route_decision where id = any(?1)")
                    .setParameter(1, poison.toArray(Long[]::new)).executeUpdate());
        }
    }

    /** Three wrongly labelled copies of every training example of the given intents, as feedback candidates. */
    private List<Long> poison(Set<String> intents) {
        List<LabelledExample> victims = taxonomy.training().stream().filter(e -> intents.contains(e.label())).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = new java.util.ArrayList<>();
            for (LabelledExample e : victims) {
                for (int copy = 0; copy < 3; copy++) {
                    long id = ((Number) entityManager.createNativeQuery("""
                            insert into route_decision (message, intent, confidence, model_name, model_version, route, reason, routing_micros)
                            values (?1, ?2, 0.5, 'intent', 1, 'CLARIFY', 'BELOW_THRESHOLD', 1) returning id""")
                            .setParameter(1, e.text()).setParameter(2, e.label()).getSingleResult()).longValue();
                    entityManager.createNativeQuery("insert into intent_candidate (decision_id, text, label, source) values (?1, ?2, 'out_of_scope', 'CORRECTION')")
                            .setParameter(1, id).setParameter(2, e.text()).executeUpdate();
                    ids.add(id);
                }
            }
            return ids;
        });
    }
}
