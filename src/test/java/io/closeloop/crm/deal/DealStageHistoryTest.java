package io.closeloop.crm.deal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every stage change is recorded with time and author, and the history is never overwritten. */
@QuarkusTest
class DealStageHistoryTest {

    @Inject
    CrmFixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    void everyStageChangeIsRecordedWithAuthorInOrder() {
        Rep rep = fixtures.rep("historian", RepRole.REP, fixtures.team("history"));
        Account account = fixtures.account("History Co", rep);
        int id = given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("accountId", account.id, "name", "Platform deal", "amount", 50000, "currency", "EUR"))
                .post("/api/deals").then().statusCode(201).body("stage", equalTo("PROSPECTING")).extract().path("id");
        int version = 0;
        for (String stage : List.of("QUALIFICATION", "PROPOSAL", "PROPOSAL", "CLOSED_WON")) {
            version = given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("stage", stage, "version", version))
                    .patch("/api/deals/{id}", id).then().statusCode(200).extract().path("version");
        }
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).get("/api/deals/{id}", id).then()
                .statusCode(200)
                .body("history.size()", equalTo(4)) // the repeated PROPOSAL is not a change
                .body("history.to", equalTo(List.of("PROSPECTING", "QUALIFICATION", "PROPOSAL", "CLOSED_WON")))
                .body("history.from", equalTo(java.util.Arrays.asList(null, "PROSPECTING", "QUALIFICATION", "PROPOSAL")))
                .body("history.by.username", equalTo(List.of(rep.username, rep.username, rep.username, rep.username)))
                .body("history.source", equalTo(List.of("API", "API", "API", "API")));
    }

    @Test
    void historyRowsCannotBeOverwritten() {
        Rep rep = fixtures.rep("tamperer", RepRole.REP, fixtures.team("tamper"));
        Deal deal = fixtures.deal(fixtures.account("Tamper Co", rep), "Deal", DealStage.QUALIFICATION, rep);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update deal_stage_history set to_stage = 'CLOSED_WON' where deal_id = " + deal.id)
                .executeUpdate()))
                .hasStackTraceContaining("append-only");
        @SuppressWarnings("unchecked")
        List<Object> stages = QuarkusTransaction.requiringNew().call(() -> (List<Object>) em
                .createNativeQuery("select to_stage from deal_stage_history where deal_id = " + deal.id).getResultList());
        assertThat(stages).containsExactly((Object) "QUALIFICATION");
    }
}
