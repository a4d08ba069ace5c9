package io.closeloop.app.audit;

import io.closeloop.kernel.audit.AuditAction;
import io.closeloop.kernel.audit.AuditLog;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every state-changing request (POST, PUT, PATCH, DELETE) to an admin endpoint: a path under
 * {@code /api/admin/} (erasure, classifier administration, ...) or a resource method or class that
 * only admins may call ({@code @RolesAllowed("ADMIN")}, e.g. the manual interaction match), so a new
 * admin endpoint is covered without touching this class. Records who, method and path, the handler
 * and the HTTP status, never the request body (it may carry personal data). 401 and 403 answers are
 * left to {@link SecurityAuditObserver} (login failure, permission denial). The write happens in an
 * asynchronous observer, in a transaction of its own, off the I/O thread.
 */
@ApplicationScoped
public class AdminRequestAudit {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** One finished admin request. */
    public record AdminRequest(String actor, String target, int status, String handler) {
    }

    private final AuditLog audit;
    private final Event<AdminRequest> requests;
    private final CurrentIdentityAssociation identity;

    public AdminRequestAudit(AuditLog audit, Event<AdminRequest> requests, CurrentIdentityAssociation identity) {
        this.audit = audit;
        this.requests = requests;
        this.identity = identity;
    }

    @ServerResponseFilter
    public void afterRequest(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        int status = response.getStatus();
        if (!CHANGING.contains(method) || status == 401 || status == 403) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/admin/") && !adminOnly(resource)) {
            return;
        }
        String handler = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        // may run on the I/O thread (a 405 or 415 answered before dispatch): never block for the identity
        identity.getDeferredIdentity().subscribe().with(user -> {
            if (!user.isAnonymous()) {
                requests.fireAsync(new AdminRequest(user.getPrincipal().getName(), method + " " + path, status, handler));
            }
        }, failure -> { /* no identity, nothing to attribute: the security observer records failed logins */ });
    }

    void record(@ObservesAsync AdminRequest request) {
        String outcome = request.status() / 100 == 2 ? "done" : "failed";
        audit.recordAlone(request.actor(), AuditAction.ADMIN_CHANGE, request.target(), outcome,
                "HTTP " + request.status() + (request.handler() == null ? "" : " " + request.handler()));
    }

    static boolean adminOnly(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Method method = resource.getResourceMethod();
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles != null && Arrays.asList(roles.value()).equals(java.util.List.of("ADMIN"));
    }
}
