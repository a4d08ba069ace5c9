package io.closeloop.ui.security;

import static io.closeloop.ui.UiSessions.login;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.nullValue;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Content security policy, framing rules and CSRF protection as a browser would meet them. */
@QuarkusTest
class BrowserSafetyTest {

    @Inject
    CrmFixtures fixtures;

    @Inject
    CsrfTokens tokens;

    @TestHTTPResource("/")
    URL base;

    private String origin() {
        return base.getProtocol() + "://" + base.getAuthority();
    }


    @Test
    void pagesForbidFramingAndInlineScript() {
        var headers = given().get("/login").then().statusCode(200).extract().headers();
        assertThat(headers.getValue("Content-Security-Policy"))
                .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(headers.getValue("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getValue("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void onlyTheSidebarMayBeFramedAndOnlyByTheAllowList() {
        Rep rep = fixtures.rep("frame", RepRole.REP, null);
        String cookie = login(rep);
        given().cookie("closeloop-session", cookie).get("/sidebar").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self' http://localhost:*"))
                .header("X-Frame-Options", nullValue());
        given().cookie("closeloop-session", cookie).get("/chat").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void cookieRequestWithoutTokenIsRejectedAndWritesNothing() {
        Rep rep = fixtures.rep("csrf", RepRole.REP, null);
        String cookie = login(rep);
        String name = CrmFixtures.unique("Forged");
        given().cookie("closeloop-session", cookie).contentType("application/json")
                .body("{\"name\":\"" + name + "\"}").post("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("forbidden")).body("detail", containsString("X-CSRF-Token"));
        given().cookie("closeloop-session", cookie).header("X-CSRF-Token", tokens.forUser("someone-else"))
                .contentType("application/json").body("{\"name\":\"" + name + "\"}").post("/api/accounts")
                .then().statusCode(403);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Account.count("name", name))).isZero();
    }

    @Test
    void cookieRequestWithTheUsersTokenPasses() {
        Rep rep = fixtures.rep("csrf-ok", RepRole.REP, null);
        String cookie = login(rep);
        String name = CrmFixtures.unique("Real");
        given().cookie("closeloop-session", cookie).header("X-CSRF-Token", tokens.forUser(rep.username))
                .contentType("application/json").body("{\"name\":\"" + name + "\"}").post("/api/accounts")
                .then().statusCode(201);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Account.count("name", name))).isOne();
    }

    @Test
    void pageCarriesTheTokenOfTheSignedInUser() {
        Rep rep = fixtures.rep("meta", RepRole.REP, null);
        given().cookie("closeloop-session", login(rep)).get("/chat").then().statusCode(200)
                .body(containsString("<meta name=\"csrf-token\" content=\"" + tokens.forUser(rep.username) + "\">"));
    }

    @Test
    void apiClientsWithTheirOwnCredentialsNeedNoToken() {
        Rep rep = fixtures.rep("basic", RepRole.REP, null);
        given().auth().preemptive().basic(rep.username, CrmFixtures.PASSWORD).contentType("application/json")
                .body("{\"name\":\"" + CrmFixtures.unique("Basic") + "\"}").post("/api/accounts")
                .then().statusCode(201);
    }

    @Test
    void formPostsMustComeFromThisOrigin() {
        Rep rep = fixtures.rep("form", RepRole.REP, null);
        String cookie = login(rep);
        given().redirects().follow(false).cookie("closeloop-session", cookie).header("Origin", "http://evil.example")
                .contentType("application/x-www-form-urlencoded").formParam("x", "1").post("/logout")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("closeloop-session", cookie)
                .contentType("application/x-www-form-urlencoded").formParam("x", "1").post("/logout")
                .then().statusCode(403);
        given().redirects().follow(false).cookie("closeloop-session", cookie).header("Origin", origin())
                .contentType("application/x-www-form-urlencoded").formParam("x", "1").post("/logout")
                .then().statusCode(303).header("Location", endsWith("/login"));
    }
}
