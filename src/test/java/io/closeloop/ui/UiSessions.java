package io.closeloop.ui;

import static io.restassured.RestAssured.given;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;

/** Form sign-in for page tests: the session cookie a browser would hold. */
public final class UiSessions {

    public static final String COOKIE = "closeloop-session";

    private UiSessions() {
    }

    public static String login(Rep rep) {
        return given().redirects().follow(false)
                .formParam("j_username", rep.username).formParam("j_password", CrmFixtures.PASSWORD)
                .post("/j_security_check").getCookie(COOKIE);
    }
}
