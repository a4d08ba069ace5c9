package io.closeloop.ui.page;

import io.closeloop.crm.access.CurrentRep;
import io.closeloop.crm.rep.Rep;
import io.closeloop.ui.config.UiConfig;
import io.closeloop.ui.security.CsrfTokens;
import io.closeloop.crm.team.Team;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

/** Builds the {@link PageFrame} of the current request. */
@RequestScoped
public class PageFrames {

    private final CurrentRep me;
    private final CsrfTokens csrf;
    private final UiConfig config;

    public PageFrames(CurrentRep me, CsrfTokens csrf, UiConfig config) {
        this.me = me;
        this.csrf = csrf;
        this.config = config;
    }

    @Transactional
    public PageFrame current() {
        Rep rep = me.get();
        boolean offline = config.llmBaseUrl().filter(url -> !url.isBlank()).isEmpty();
        Team team = rep.team == null ? null : Team.findById(rep.team.id);
        return new PageFrame(rep, team == null ? null : team.name, csrf.header(), csrf.forUser(rep.username), offline);
    }
}
