package io.closeloop.router.intents;

/** Who answers an intent according to the taxonomy. */
public enum Handler {
    /** a classifier-backed small agent, no LLM */
    SMALL_AGENT,
    /** an LLM agent (retrieval and tools) */
    LLM_AGENT,
    /** not a CRM request: the router answers with a clarifying question, never an agent */
    CLARIFY;

    static Handler parse(String taxonomyValue) {
        return switch (taxonomyValue) {
            case "small-agent" -> SMALL_AGENT;
            case "llm-agent" -> LLM_AGENT;
            case "clarify" -> CLARIFY;
            default -> throw new IllegalStateException("unknown handler '" + taxonomyValue + "' in the intent taxonomy");
        };
    }
}
