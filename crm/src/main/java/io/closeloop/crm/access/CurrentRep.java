package io.closeloop.crm.access;

import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The Closeloop user behind the current request, whichever mechanism authenticated it (form,
 * basic, or an OIDC bearer token whose principal is a username or e-mail address).
 */
@RequestScoped
public class CurrentRep {

    private final SecurityIdentity identity;
    private Rep rep;

    public CurrentRep(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Rep get() {
        if (rep == null) {
            if (identity.isAnonymous()) {
                throw new ProblemException(ProblemType.UNAUTHENTICATED, "Log in to use Closeloop");
            }
            rep = Rep.byLogin(identity.getPrincipal().getName())
                    .filter(r -> r.active)
                    .orElseThrow(() -> ProblemException.forbidden("No active Closeloop user for this login"));
        }
        return rep;
    }
}
