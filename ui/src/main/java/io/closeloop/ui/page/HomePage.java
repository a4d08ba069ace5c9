package io.closeloop.ui.page;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.account.AccountService;
import io.closeloop.crm.account.AccountView;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in landing page: who you are and the accounts you can see. */
@Path("/")
@Authenticated
public class HomePage {

    private final CurrentRep me;
    private final AccountService accounts;

    public HomePage(CurrentRep me, AccountService accounts) {
        this.me = me;
        this.accounts = accounts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Rep rep, Page<AccountView> accounts);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        Rep rep = me.get();
        return Templates.home(rep, accounts.list(rep, null, 0, 25));
    }
}
