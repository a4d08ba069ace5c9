package io.closeloop.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The router: which classifier it serves, how large a chat message may be, the precision the
 * routing policy must reach on small agents, the LLM cost budget, and the prices the routing
 * report uses to estimate what not calling an LLM saved.
 */
@ConfigMapping(prefix = "closeloop.router")
public interface RouterConfig {

    /** Name of the intent classifier (agents/classifier) the router trains, promotes and serves. */
    @WithDefault("intent")
    String modelName();

    /** Classpath resource of the intent taxonomy (intents, handlers, training and held-out files). */
    @WithDefault("io/closeloop/router/intents/taxonomy-v1.json")
    String taxonomy();

    /** Longest chat message in characters; a longer one is refused with 413 naming this limit. */
    @WithDefault("4000")
    int maxMessageChars();

    /** Share of held-out requests above an intent's threshold that must be classified right. */
    @WithDefault("0.97")
    double targetPrecision();

    /**
     * Fewest held-out predictions of an intent that must lie above its threshold for the
     * threshold to count; with fewer, the intent never goes to a small agent on its own.
     */
    @WithDefault("5")
    int minAnswered();

    /** Candidate intents a clarifying answer offers. */
    @WithDefault("3")
    int clarifyChoices();

    /** LLM spending limits. */
    Budget budget();

    /** Figures of the routing report. */
    Report report();

    interface Budget {
        /**
         * Most the LLM calls of one UTC day may cost (sum of {@code llm_call.cost}, the currency of
         * the LLM prices); once reached, requests are served without an LLM and say so. Empty = no limit.
         */
        Optional<BigDecimal> daily();
    }

    interface Report {
        /** Price per million LLM tokens (input and output together) used to estimate the cost saved. */
        @WithDefault("0.60")
        BigDecimal pricePerMillionTokens();

        /**
         * Tokens an LLM answer costs when no LLM answer has been measured yet in the period; otherwise
         * the measured mean of the period is used.
         */
        @WithDefault("2500")
        int tokensPerLlmAnswer();
    }
}
