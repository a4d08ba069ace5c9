package io.closeloop.crm.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo book of business ({@code CLOSELOOP_DEMO=true}; {@code ./closeloop run} turns it on). */
@ConfigMapping(prefix = "closeloop.demo")
public interface DemoConfig {

    /** Load the demo book on a start that finds no users in the database (the first start). */
    @WithDefault("false")
    boolean enabled();

    /** Seed of the book: the same seed (and day) gives the same accounts, people and deals. */
    @WithDefault("42")
    long seed();
}
