package io.closeloop.app.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization of every endpoint for every role, generated from the route table: an endpoint is
 * either listed here as public, or refuses anonymous callers (401 for the API, a redirect to the
 * login page for pages); an endpoint restricted to roles answers 403 to every other role.
 */
@QuarkusTest
class RouteSecurityTest {

    /** The only endpoints anyone may call without logging in. Adding one here is a security decision. */
    static final Set<String> PUBLIC = Set.of("GET /login", "POST /logout");

    static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));

    @Inject
    CrmFixtures fixtures;

    Rep rep;
    Rep manager;
    Rep admin;

    @BeforeEach
    void setUp() {
        rep = fixtures.rep("rep", RepRole.REP, null);
        manager = fixtures.rep("manager", RepRole.MANAGER, null);
        admin = fixtures.rep("admin", RepRole.ADMIN, null);
    }

    @Test
    void routeTableFindsTheKnownEndpoints() {
        List<String> names = RouteTable.scan().routes().stream().map(Object::toString).toList();
        assertThat(names).contains("GET /api/accounts", "DELETE /api/admin/contacts/{id}", "GET /api/admin/audit", "GET /login");
    }

    @Test
    void everyNonPublicEndpointRefusesAnonymousCallers() {
        List<String> escaped = new ArrayList<>();
        for (RouteTable.Route route : RouteTable.scan().routes()) {
            if (PUBLIC.contains(route.toString())) {
                continue;
            }
            // send a type the endpoint consumes, so content negotiation cannot answer before security does
            String type = route.consumes().stream().filter(t -> !t.contains("*")).findFirst().orElse("application/json");
            Response response = given().config(NO_REDIRECTS).contentType(type).body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .request(route.method(), route.concretePath());
            boolean refused = route.isApi() ? response.statusCode() == 401
                    : response.statusCode() / 100 == 3 && String.valueOf(response.header("Location")).contains("/login");
            if (!refused) {
                escaped.add(route + " -> " + response.statusCode());
            }
        }
        assertThat(escaped).as("endpoints reachable without logging in (list them in PUBLIC if intended)").isEmpty();
    }

    @Test
    void everyRoleRestrictedEndpointForbidsTheOtherRoles() {
        List<String> leaked = new ArrayList<>();
        int checked = 0;
        for (RouteTable.Route route : RouteTable.scan().routes()) {
            if (route.roles().isEmpty()) {
                continue;
            }
            for (Rep user : new Rep[] { rep, manager, admin }) {
                if (route.roles().contains(user.role)) {
                    continue;
                }
                checked++;
                int status = given().config(NO_REDIRECTS).auth().preemptive().basic(user.username, CrmFixtures.PASSWORD)
                        .contentType("application/json").body("{}").request(route.method(), route.concretePath()).statusCode();
                if (status != 403) {
                    leaked.add(route + " as " + user.role + " -> " + status);
                }
            }
        }
        assertThat(checked).as("role-restricted endpoints exist and were probed").isPositive();
        assertThat(leaked).isEmpty();
    }

    @Test
    void jsonEndpointsRefuseBodiesThatACrossSiteFormCouldSend() {
        // A cross-site <form> can only send these types without a CORS preflight; JSON APIs must refuse them.
        List<String> accepted = new ArrayList<>();
        for (RouteTable.Route route : RouteTable.scan().routes()) {
            if (route.method().equals("GET") || !route.consumes().equals(Set.of("application/json"))) {
                continue;
            }
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
                int status = given().config(NO_REDIRECTS).auth().preemptive().basic(admin.username, CrmFixtures.PASSWORD)
                        .contentType(type).body("{\"name\":\"csrf\"}").request(route.method(), route.concretePath()).statusCode();
                if (status != 415) {
                    accepted.add(route + " with " + type + " -> " + status);
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        Response login = given().config(NO_REDIRECTS).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", rep.username).formParam("j_password", CrmFixtures.PASSWORD)
                .post("/j_security_check");
        String cookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("closeloop-session=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
    }
}
