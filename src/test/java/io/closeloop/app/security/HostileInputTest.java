package io.closeloop.app.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL injection through search, oversized and malformed bodies, markup stored as data. */
@QuarkusTest
class HostileInputTest {

    @Inject
    CrmFixtures fixtures;

    Rep alice;
    Rep bob;
    Account bobs;

    @BeforeEach
    void setUp() {
        alice = fixtures.rep("alice", RepRole.REP, null);
        bob = fixtures.rep("bob", RepRole.REP, null);
        bobs = fixtures.account("Bobs Co", bob);
    }

    @Test
    void sqlInjectionInAccountSearchFindsNothingOfOthers() {
        for (String q : new String[] { "' OR '1'='1", "%' OR 1=1 --", "x'; DROP TABLE account; --", "\\' or true --" }) {
            given().auth().preemptive().basic(alice.username, CrmFixtures.PASSWORD).queryParam("q", q)
                    .get("/api/accounts").then().statusCode(200).body("total", equalTo(0));
        }
        given().auth().preemptive().basic(bob.username, CrmFixtures.PASSWORD).get("/api/accounts/{id}", bobs.id)
                .then().statusCode(200);
    }

    @Test
    void bodyAboveTheGlobalLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        // The server answers from the declared length and closes; a client that keeps writing gets a
        // broken pipe, so this speaks HTTP over a raw socket and never sends the 21 MB.
        String credentials = java.util.Base64.getEncoder().encodeToString((alice.username + ":" + CrmFixtures.PASSWORD).getBytes());
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/accounts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (21L * 1024 * 1024) + "\r\n\r\n{\"name\":\"x")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            org.assertj.core.api.Assertions.assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void malformedJsonIsA400ProblemNamingTheBody() {
        given().auth().preemptive().basic(alice.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body("{\"name\": \"unterminated").post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:closeloop:problem:malformed-request"));
    }

    @Test
    void markupInStoredFieldsComesBackAsJsonDataNeverAsHtml() {
        String name = "<script>alert('" + CrmFixtures.unique("x") + "')</script>";
        given().auth().preemptive().basic(alice.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body(java.util.Map.of("name", name)).post("/api/accounts")
                .then().statusCode(201).contentType("application/json").body("name", equalTo(name))
                .header("Content-Type", not(containsString("html")));
    }
}
