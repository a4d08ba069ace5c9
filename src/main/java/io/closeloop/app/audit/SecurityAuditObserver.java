package io.closeloop.app.audit;

import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audits logins and permission denials from Quarkus' security events (asynchronous observers, so
 * the write never runs on the I/O thread). Basic and bearer authentication happen on every API
 * request; a success is recorded once per user and {@link AuditConfig#loginEvery()} per replica,
 * every failure and every denial always.
 */
@ApplicationScoped
public class SecurityAuditObserver {

    private final AuditLog audit;
    private final AuditConfig config;
    private final Map<String, Instant> lastLogin = new ConcurrentHashMap<>();

    public SecurityAuditObserver(AuditLog audit, AuditConfig config) {
        this.audit = audit;
        this.config = config;
    }

    void loggedIn(@ObservesAsync AuthenticationSuccessEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        String user = identity.getPrincipal().getName();
        Instant now = Instant.now();
        Instant last = lastLogin.get(user);
        if (last != null && Duration.between(last, now).compareTo(config.loginEvery()) < 0) {
            return;
        }
        lastLogin.put(user, now);
        audit.recordAlone(user, AuditAction.LOGIN, path(event), "success", null);
    }

    void loginFailed(@ObservesAsync AuthenticationFailureEvent event) {
        String reason = event.getAuthenticationFailure() == null ? null : event.getAuthenticationFailure().getClass().getSimpleName();
        audit.recordAlone(null, AuditAction.LOGIN, path(event), "failure", reason);
    }

    void denied(@ObservesAsync AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return; // answered 401, not a denial of a known user
        }
        audit.recordAlone(identity.getPrincipal().getName(), AuditAction.PERMISSION_DENIED, path(event), "denied",
                "roles " + identity.getRoles());
    }

    private static String path(SecurityEvent event) {
        Object context = event.getEventProperties().get(RoutingContext.class.getName());
        if (context instanceof RoutingContext rc) {
            return rc.request().method() + " " + rc.normalizedPath();
        }
        return null;
    }
}
