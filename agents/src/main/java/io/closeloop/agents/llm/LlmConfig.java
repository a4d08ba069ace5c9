package io.closeloop.agents.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM provider: any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, LM Studio, Azure
 * OpenAI-compatible gateways). The top-level values apply to every role; {@code roles.<role>.*}
 * overrides them for one role ({@code draft-email}, {@code summarize-account},
 * {@code next-best-action}, {@code meeting-prep}, {@code objection-handling}). A role without a
 * base URL (none of its own, none at the top) runs in offline mode.
 */
@ConfigMapping(prefix = "closeloop.agents.llm")
public interface LlmConfig {

    /** Base URL of the OpenAI-compatible API, e.g. {@code https://api.openai.com/v1}; empty = offline. */
    Optional<String> baseUrl();

    /** API key (sent as a bearer token); local servers usually accept any. */
    Optional<String> apiKey();

    /** Model name sent in each request. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** Price per million input tokens, in the currency of reports (for cost in llm_call). */
    @WithDefault("0")
    BigDecimal inputPricePerMillion();

    /** Price per million output tokens. */
    @WithDefault("0")
    BigDecimal outputPricePerMillion();

    /**
     * Deadline of one HTTP call to the provider. The fault-tolerance timeout of an attempt
     * ({@code LlmInvoker}) should be the same or a little longer.
     */
    @WithDefault("20s")
    Duration timeout();

    /** Sampling temperature. */
    @WithDefault("0.2")
    double temperature();

    /** Per-role overrides. */
    Map<String, RoleOverride> roles();

    /** Interactions retrieved to ground one LLM answer. */
    @WithDefault("6")
    int retrievalSize();

    /** Most tool rounds one answer may take. */
    @WithDefault("6")
    int maxToolRounds();

    /**
     * Put the (redacted) prompt and completion on the trace span. Off by default: traces often
     * leave the service and a prompt is customer content.
     */
    @WithDefault("false")
    boolean captureContent();

    /** What one role may change; everything absent falls back to the top-level value. */
    interface RoleOverride {
        Optional<String> baseUrl();

        Optional<String> apiKey();

        Optional<String> model();

        Optional<BigDecimal> inputPricePerMillion();

        Optional<BigDecimal> outputPricePerMillion();
    }
}
