package io.closeloop.ui.security;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the sign-in page that the last attempt failed. Quarkus' form mechanism (3.28, lazy
 * authentication) answers a wrong password on {@code POST /j_security_check} with the same
 * redirect to the login page as a first visit and never uses the configured error page, so the
 * page could not say why the person is back. This filter rewrites exactly that redirect — a
 * {@code j_security_check} response that sends the browser to the login page without setting the
 * session cookie — to the error page ({@code quarkus.http.auth.form.error-page}).
 */
@ApplicationScoped
public class SignInFailure {

    private final String loginPage;
    private final String errorPage;
    private final String sessionCookie;

    public SignInFailure(@ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
            @ConfigProperty(name = "quarkus.http.auth.form.error-page") String errorPage,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.loginPage = loginPage;
        this.errorPage = errorPage;
        this.sessionCookie = sessionCookie;
    }

    /**
     * A route of its own, ordered before Quarkus' authentication handler: the form mechanism answers
     * {@code j_security_check} itself, before any {@code Filters} filter runs.
     */
    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var response = rc.response();
                String location = response.headers().get("Location");
                boolean signedIn = response.headers().getAll("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith(sessionCookie + "=") && !c.startsWith(sessionCookie + "=;"));
                if (location != null && !signedIn && isLoginPage(location)) {
                    response.headers().set("Location", location.substring(0, location.length() - loginPage.length()) + errorPage);
                }
            });
            rc.next();
        });
    }

    private boolean isLoginPage(String location) {
        return location.endsWith(loginPage) && !location.endsWith(errorPage);
    }
}
