package io.closeloop.router.policy;

/** Why the policy chose a route (stored in {@code route_decision.reason}, first part). */
public enum RouteReason {
    /** a small-agent intent at or above its threshold */
    CONFIDENT,
    /** an intent the taxonomy gives to the LLM agent, at or above its threshold */
    LLM_INTENT,
    /** an out-of-scope request at or above its threshold */
    OUT_OF_SCOPE,
    /** the taxonomy gives the intent to a small agent, but none is deployed for it */
    NO_SMALL_AGENT,
    /** the top intent's confidence is below its threshold (or the intent has no usable threshold) */
    BELOW_THRESHOLD
}
