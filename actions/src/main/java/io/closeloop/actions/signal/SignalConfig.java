package io.closeloop.actions.signal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Signal detection: thresholds with hysteresis (a signal turns on at {@code enter} and off only
 * below {@code exit}, so it does not flap), how fast evidence fades, competitors, stalled deals.
 */
@ConfigMapping(prefix = "closeloop.signals")
public interface SignalConfig {

    /** Score at or above which a signal turns on (the open request has its own, {@link RequestDetectorConfig#enter()}). */
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

    /** The open-request detector. */
    RequestDetectorConfig requestDetector();

    /** The open-request signal comes from a trained embedding classifier (agents), not from prototypes. */
    interface RequestDetectorConfig {

        /** The classifier's name; its latest stored version is served. */
        @WithDefault("email-request-detector")
        String model();

        /** The label that means "this sentence asks the recipient for something". */
        @WithDefault("Yes")
        String requestLabel();

        /**
         * A labelled file (TSV {@code label<TAB>sentence}, CSV or JSONL) to train the detector from at
         * start when no version is stored; unset = never trained automatically (then the signal is
         * unavailable until someone runs {@code classifier train}).
         */
        Optional<String> trainFrom();

        /**
         * Probability at or above which the open-request signal turns on; its own setting because
         * it is the calibrated probability of a trained classifier, not a prototype score, and is
         * tuned from the detector's evaluation (coverage-accuracy curve, agents/README.md).
         */
        @WithDefault("0.7")
        double enter();

        /** Probability below which an active open-request signal turns off again. */
        @WithDefault("0.4")
        double exit();

        /** At most this many sentences of one interaction are classified. */
        @WithDefault("40")
        int maxSentences();
    }
}
