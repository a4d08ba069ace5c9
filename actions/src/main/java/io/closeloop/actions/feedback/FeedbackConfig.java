package io.closeloop.actions.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Feedback: how long after a decision an outcome is still attributed to the action. */
@ConfigMapping(prefix = "closeloop.feedback")
public interface FeedbackConfig {

    /** Outcomes (a reply, a stage move, won or lost) within this window after the decision count. */
    @WithDefault("P30D")
    Duration outcomeWindow();
}
