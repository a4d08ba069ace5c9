package io.closeloop.ui.security;

import io.closeloop.kernel.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects cross-site request forgery on cookie-authenticated, state-changing requests. Script
 * requests ({@code fetch}) must carry the user's {@link CsrfTokens token} in a header; plain HTML
 * form posts must come from this origin ({@code Origin}, else {@code Referer}). Requests that carry
 * their own credentials ({@code Authorization}) or no session cookie are not at risk and pass.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfTokens tokens;
    private final CurrentIdentityAssociation identity;
    private final String sessionCookie;

    public CsrfFilter(CsrfTokens tokens, CurrentIdentityAssociation identity,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.tokens = tokens;
        this.identity = identity;
        this.sessionCookie = sessionCookie;
    }

    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !request.getCookies().containsKey(sessionCookie)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().nullItem();
        }
        if (isForm(request.getMediaType())) {
            return sameOrigin(request) ? Uni.createFrom().nullItem()
                    : rejected("A form was posted from another site; reload the page and try again");
        }
        String token = request.getHeaderString(tokens.header());
        return identity.getDeferredIdentity().onItem().transformToUni(id -> id.isAnonymous()
                || tokens.valid(id.getPrincipal().getName(), token) ? Uni.createFrom().nullItem()
                        : rejected("The request lacks a valid " + tokens.header() + " header; reload the page and try again"));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type));
    }

    private static boolean sameOrigin(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        String self = base.getScheme() + "://" + base.getAuthority();
        String origin = request.getHeaderString("Origin");
        if (origin != null) {
            return origin.equals(self);
        }
        String referer = request.getHeaderString("Referer");
        return referer != null && (referer.equals(self) || referer.startsWith(self + "/"));
    }

    private static Uni<Response> rejected(String detail) {
        return Uni.createFrom().failure(ProblemException.forbidden(detail));
    }
}
