package io.closeloop.router.policy;

/** Whether the router may send a request to the LLM now, and if not, why. */
public enum LlmStatus {
    AVAILABLE("the LLM is available"),
    NOT_CONFIGURED("no language model is configured (offline mode)"),
    CIRCUIT_OPEN("the language model failed repeatedly and is paused for a while"),
    BUDGET_SPENT("today's LLM cost budget is spent");

    private final String explanation;

    LlmStatus(String explanation) {
        this.explanation = explanation;
    }

    /** A sentence the rep can read. */
    public String explanation() {
        return explanation;
    }
}
