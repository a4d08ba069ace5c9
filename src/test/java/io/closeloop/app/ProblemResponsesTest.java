package io.closeloop.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every API error is RFC 9457 problem+json with a stable type, naming the field and the reason. */
@QuarkusTest
class ProblemResponsesTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    CrmFixtures fixtures;

    Rep rep;
    Account account;

    @BeforeEach
    void setUp() {
        rep = fixtures.rep("problem", RepRole.REP, fixtures.team("problems"));
        account = fixtures.account("Problem Co", rep);
    }

    RequestSpecification api() {
        return given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD);
    }

    @Test
    void negativeRevenueNamesTheField() {
        api().contentType(ContentType.JSON).body(Map.of("annualRevenue", -5, "version", 0))
                .patch("/api/accounts/{id}", account.id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:closeloop:problem:validation-failed"))
                .body("errors.field", hasItem("annualRevenue"))
                .body("errors.reason", hasItem("must not be negative"))
                .body("traceId", notNullValue());
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        api().contentType(ContentType.JSON).body("{\"annualRevenue\": \"lots\", \"version\": 0}")
                .patch("/api/accounts/{id}", account.id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("annualRevenue"));
    }

    @Test
    void unknownEnumValueNamesTheField() {
        api().contentType(ContentType.JSON).body("{\"tier\": \"GALACTIC\", \"version\": 0}")
                .patch("/api/accounts/{id}", account.id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("tier"));
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        api().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:closeloop:problem:malformed-request"));
    }

    @Test
    void missingBodyIsRefused() {
        api().contentType(ContentType.JSON).post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void blankNameAndBadDomainAreRefusedAndNothingIsCreated() {
        long before = Account.count();
        api().contentType(ContentType.JSON).body(Map.of("name", "  ")).post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        api().contentType(ContentType.JSON).body(Map.of("name", "Fine Name", "domain", "not a domain!"))
                .post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("domain"));
        org.assertj.core.api.Assertions.assertThat(Account.count()).isEqualTo(before);
    }

    @Test
    void updateWithoutVersionNamesVersion() {
        api().contentType(ContentType.JSON).body(Map.of("industry", "Retail"))
                .patch("/api/accounts/{id}", account.id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("version"));
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        api().contentType(ContentType.JSON).body(Map.of("industry", "Retail", "version", 0))
                .patch("/api/accounts/{id}", account.id).then().statusCode(200).body("version", equalTo(1));
        api().contentType(ContentType.JSON).body(Map.of("industry", "Mining", "version", 0))
                .patch("/api/accounts/{id}", account.id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:closeloop:problem:conflict"))
                .body("detail", containsString("version 1"));
        api().get("/api/accounts/{id}", account.id).then().body("industry", equalTo("Retail"));
    }

    @Test
    void wrongContentTypeIs415() {
        api().contentType(ContentType.TEXT).body("name=x").post("/api/accounts")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("urn:closeloop:problem:unsupported-media-type"));
    }

    @Test
    void unknownApiPathAndWrongMethodAreProblems() {
        api().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM);
        api().delete("/api/accounts/{id}", account.id).then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void outOfRangePageSizeNamesTheParameter() {
        api().get("/api/accounts?size=100000").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
    }
}
