package io.closeloop.ui.page;

import io.closeloop.crm.rep.Rep;

/** What every signed-in page shows around its content: who is signed in, the CSRF token, whether offline. */
public record PageFrame(Rep rep, String teamName, String csrfHeader, String csrfToken, boolean offline) {

    public boolean manager() {
        return !"REP".equals(rep.role);
    }

    public boolean admin() {
        return "ADMIN".equals(rep.role);
    }
}
