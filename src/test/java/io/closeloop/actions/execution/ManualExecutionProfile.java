package io.closeloop.actions.execution;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The executor does not poll; tests drive it (and "restart" it) by calling it, with short leases and back-off. */
public class ManualExecutionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "closeloop.actions.execution.poll-interval", "off",
                "closeloop.actions.execution.lease", "PT1S",
                "closeloop.actions.execution.backoff", "PT1S",
                "closeloop.actions.execution.max-attempts", "3");
    }
}
