package io.closeloop.router.policy;

/** Where the router sends a request. */
public enum Route {
    /** a classifier-backed small agent answers, no LLM */
    SMALL_AGENT,
    /** the LLM agent answers (offline templates when the LLM is not configured or its circuit is open) */
    LLM_AGENT,
    /** the router itself asks what the rep meant (out of scope, or unsure while no LLM may be used) */
    CLARIFY
}
