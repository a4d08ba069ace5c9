package io.closeloop.actions.signal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Signal detection: thresholds with hysteresis (a signal turns on at {@code enter} and off only
 * below {@code exit}, so it does not flap), how fast evidence fades, competitors, stalled deals.
 */
@ConfigMapping(prefix = "closeloop.signals")
public interface SignalConfig {

    /** Score at or above which a signal turns on. */
    @WithDefault("0.7")
    double enter();

    /** Score below which an active signal turns off again. */
    @WithDefault("0.4")
    double exit();

    /** Half-life of a signal's score: evidence from this long ago counts half. */
    @WithDefault("P14D")
    Duration halfLife();

    /** How sharply the prototype scorer separates a signal from neutral text (smaller = sharper). */
    @WithDefault("0.03")
    double temperature();

    /** Competitor names (matched as whole words, case-insensitive). */
    @WithDefault("Salesforce,HubSpot,Pipedrive,Zoho,Freshsales")
    List<String> competitors();

    /** A deal without activity for this long is stalled. */
    @WithDefault("P14D")
    Duration stalledAfter();

    /** How often stalled deals are looked for. */
    @WithDefault("1h")
    String stalledCheckInterval();

    /** Sender name used in template drafts. */
    @WithDefault("Closeloop")
    String product();
}
