package io.closeloop.agents.pii;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How personal data is found before text goes to an LLM. */
@ConfigMapping(prefix = "closeloop.agents.pii")
public interface PiiConfig {

    /**
     * Region (ISO 3166 two-letter code) assumed for phone numbers written without a country code,
     * e.g. {@code US} reads "(650) 253-0000" as a US number.
     */
    @WithDefault("US")
    String defaultRegion();
}
