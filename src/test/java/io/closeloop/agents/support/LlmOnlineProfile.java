package io.closeloop.agents.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service with an LLM provider (the scripted server) and a short, fixed fault-tolerance
 * policy: one second per attempt, two retries 20 ms apart, a circuit breaker that does not trip
 * across tests.
 */
public class LlmOnlineProfile implements QuarkusTestProfile {

    public static final long ATTEMPT_TIMEOUT_MS = 1000;
    public static final int MAX_RETRIES = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        String ft = "io.closeloop.agents.llm.LlmInvoker/invoke/";
        return Map.of(ft + "Timeout/value", String.valueOf(ATTEMPT_TIMEOUT_MS),
                ft + "Retry/maxRetries", String.valueOf(MAX_RETRIES),
                ft + "Retry/delay", "20",
                ft + "Retry/jitter", "0",
                ft + "CircuitBreaker/requestVolumeThreshold", "1000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScriptedLlmServer.class));
    }
}
