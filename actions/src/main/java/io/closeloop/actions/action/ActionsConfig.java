package io.closeloop.actions.action;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The action queue: how long drafts wait, and where unowned drafts go. */
@ConfigMapping(prefix = "closeloop.actions")
public interface ActionsConfig {

    /** How long a draft waits for a decision before it expires. */
    @WithDefault("P7D")
    Duration draftTtl();

    /** How often expired drafts are looked for. */
    @WithDefault("1m")
    String expiryInterval();

    /** The team whose queue gets drafts about accounts with neither an owner nor a sharing team. */
    Optional<String> defaultTeam();
}
