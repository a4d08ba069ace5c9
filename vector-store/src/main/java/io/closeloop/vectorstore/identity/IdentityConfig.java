package io.closeloop.vectorstore.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** How interactions are matched to contacts and accounts. */
@ConfigMapping(prefix = "closeloop.vectorstore.identity")
public interface IdentityConfig {

    /**
     * Mail domains of personal mailboxes: an address there says nothing about the company, so
     * it never matches an account by domain (a contact with that exact address still matches).
     */
    @WithDefault("gmail.com,googlemail.com,yahoo.com,outlook.com,hotmail.com,live.com,msn.com,icloud.com,me.com,aol.com,"
            + "proton.me,protonmail.com,gmx.com,gmx.de,web.de,mail.com,yandex.com,zoho.com")
    Set<String> personalDomains();

    /**
     * How often unmatched interactions are tried again (besides right after each CRM account or
     * contact event), so records that arrive by other paths (CSV import, SQL) attach too.
     */
    @WithDefault("5m")
    String retryEvery();
}
