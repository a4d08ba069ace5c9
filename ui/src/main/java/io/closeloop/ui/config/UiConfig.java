package io.closeloop.ui.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The people's side: who may embed the sidebar, CSRF signing and what the pages say about offline mode. */
@ConfigMapping(prefix = "closeloop.ui")
public interface UiConfig {

    /** The CRM sidebar ({@code /sidebar}). */
    Sidebar sidebar();

    /** CSRF protection of cookie-authenticated requests. */
    Csrf csrf();

    /**
     * Base URL of the LLM the agents use (normally {@code ${closeloop.agents.llm.base-url:}}); when empty
     * every page shows the offline banner.
     */
    Optional<String> llmBaseUrl();

    interface Sidebar {

        /**
         * Origins allowed to frame the sidebar and to talk to it with {@code postMessage}, written as CSP
         * source expressions: {@code https://acme.lightning.force.com}, {@code https://*.hubspot.com},
         * {@code http://localhost:*}. They go into {@code frame-ancestors} of {@code /sidebar} only.
         */
        @WithDefault("'self'")
        List<String> hostOrigins();
    }

    interface Csrf {

        /**
         * Key that signs CSRF tokens (32+ characters). Set the same key on every replica; when absent a
         * random key is drawn at start, so tokens only hold for this process.
         */
        Optional<String> key();

        /** Header that carries the token on cookie-authenticated {@code fetch} requests. */
        @WithDefault("X-CSRF-Token")
        String header();
    }
}
