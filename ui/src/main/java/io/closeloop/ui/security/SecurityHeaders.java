package io.closeloop.ui.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser hardening on every response: a content security policy that allows only this origin's
 * scripts and styles (no inline script), no framing except {@code /sidebar}, whose
 * {@code frame-ancestors} is the configured host allow-list.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; ";

    private final HostOrigins hosts;

    public SecurityHeaders(HostOrigins hosts) {
        this.hosts = hosts;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            var headers = rc.response().headers();
            if (isSidebar(rc.normalizedPath())) {
                headers.set("Content-Security-Policy", POLICY + hosts.frameAncestors());
            } else {
                headers.set("Content-Security-Policy", POLICY + "frame-ancestors 'none'");
                headers.set("X-Frame-Options", "DENY");
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            rc.next();
        }, 100);
    }

    static boolean isSidebar(String path) {
        return path.equals("/sidebar") || path.startsWith("/sidebar/");
    }
}
