package io.closeloop.crm.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * With OIDC selected by configuration, the API accepts bearer tokens from the identity provider
 * and applies the same ownership rule to the user the token names. The provider is a scripted
 * OIDC server (WireMock) at its HTTP boundary.
 */
@QuarkusTest
@TestProfile(OidcBearerTest.OidcEnabled.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class OidcBearerTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-service-app",
                    "quarkus.oidc.application-type", "service",
                    "quarkus.oidc.token.principal-claim", "preferred_username");
        }
    }

    @Inject
    CrmFixtures fixtures;

    @Test
    void bearerTokenUserSeesOwnAccountButNotOthers() {
        Rep rep = fixtures.rep("oidc", RepRole.REP, fixtures.team("oidc"));
        Account mine = fixtures.account("Token Co", rep);
        Account theirs = fixtures.account("Other Token Co", fixtures.rep("someone", RepRole.REP, null));
        String token = OidcWiremockTestResource.getAccessToken(rep.username, Set.of());

        given().auth().oauth2(token).get("/api/accounts/{id}", mine.id).then().statusCode(200)
                .body("name", equalTo(mine.name));
        given().auth().oauth2(token).get("/api/accounts/{id}", theirs.id).then().statusCode(404);
    }

    @Test
    void tokenForUnknownUserIsForbiddenAndForgedTokenIsUnauthenticated() {
        String stranger = OidcWiremockTestResource.getAccessToken("nobody-in-closeloop", Set.of());
        given().auth().oauth2(stranger).get("/api/accounts").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get("/api/accounts").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
