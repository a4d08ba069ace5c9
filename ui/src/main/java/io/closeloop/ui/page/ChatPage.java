package io.closeloop.ui.page;

import io.closeloop.crm.account.AccountService;
import io.closeloop.crm.account.AccountView;
import io.closeloop.kernel.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The rep's chat: account picker, conversation with the assistant, drafted actions and the signal feed. */
@Path("/chat")
@Authenticated
public class ChatPage {

    static final int PICKER_SIZE = 200;

    private final PageFrames frames;
    private final AccountService accounts;

    public ChatPage(PageFrames frames, AccountService accounts) {
        this.frames = frames;
        this.accounts = accounts;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance chat(PageFrame frame, Page<AccountView> accounts, Long selected);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance chat(@QueryParam("account") Long account) {
        PageFrame frame = frames.current();
        return Templates.chat(frame, accounts.list(frame.rep(), null, 0, PICKER_SIZE), account);
    }
}
