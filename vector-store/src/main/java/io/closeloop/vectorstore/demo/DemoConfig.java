package io.closeloop.vectorstore.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo interactions added on top of the CRM demo book (see {@code closeloop.demo.enabled}). */
@ConfigMapping(prefix = "closeloop.vectorstore.demo")
public interface DemoConfig {

    /** How many interactions to generate across the demo accounts; 0 switches the generator off. */
    @WithDefault("5000")
    int interactions();

    /** Share of interactions from senders no CRM record knows (they stay unmatched for review). */
    @WithDefault("0.04")
    double unknownSenderShare();
}
