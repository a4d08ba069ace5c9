package io.closeloop.agents.llm;

/**
 * The result of a guarded LLM call: a value, or why there is none (timeout, rate limit after
 * retries, provider error, circuit open, unusable output). Never both.
 */
public record LlmOutcome(Object value, String failure) {

    public static LlmOutcome ok(Object value) {
        return new LlmOutcome(value, null);
    }

    public static LlmOutcome failed(String failure) {
        return new LlmOutcome(null, failure);
    }

    public boolean succeeded() {
        return failure == null;
    }

    public <T> T value(Class<T> type) {
        return type.cast(value);
    }
}
