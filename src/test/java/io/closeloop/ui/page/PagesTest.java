package io.closeloop.ui.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.account.Account;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.rep.RepRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Form login for pages: a visitor is sent to the login form, a signed-in rep sees their accounts. */
@QuarkusTest
class PagesTest {

    @Inject
    CrmFixtures fixtures;

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200)
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("<label for=\"j_password\">"));
    }

    @Test
    void formLoginShowsOwnAccountsEscaped() {
        Rep rep = fixtures.rep("pages", RepRole.REP, fixtures.team("pages"));
        Account mine = fixtures.account("Mine Co", rep);
        Account hostile = fixtures.account("Evil", rep);
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.findById(hostile.id);
            a.rename("<script>alert(1)</script> Corp");
        });
        Account other = fixtures.account("Not Mine Co", fixtures.rep("other", RepRole.REP, null));

        Response login = given().redirects().follow(false)
                .formParam("j_username", rep.username).formParam("j_password", CrmFixtures.PASSWORD)
                .post("/j_security_check");
        String cookie = login.getCookie("closeloop-session");
        org.assertj.core.api.Assertions.assertThat(cookie).isNotBlank();

        given().cookie("closeloop-session", cookie).get("/").then().statusCode(200)
                .body(containsString(mine.name))
                .body(not(containsString(other.name)))
                .body(not(containsString("<script>alert(1)</script>")))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Corp"));
    }

    @Test
    void wrongPasswordReturnsToTheFormWithoutASession() {
        Rep rep = fixtures.rep("pages2", RepRole.REP, null);
        var cookies = given().redirects().follow(false)
                .formParam("j_username", rep.username).formParam("j_password", "nope")
                .post("/j_security_check").then().log().ifValidationFails().statusCode(anyOf(is(302), is(303)))
                .header("Location", containsString("/login?error=true"))
                .extract().cookies();
        org.assertj.core.api.Assertions.assertThat(cookies).doesNotContainKey("closeloop-session");
        given().get("/login?error=true").then().body(containsString("did not match"));
    }
}
