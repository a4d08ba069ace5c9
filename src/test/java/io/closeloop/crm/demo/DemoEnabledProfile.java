package io.closeloop.crm.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Starts the application with demo data on (and a seed other than the default) on a cleaned database. */
public class DemoEnabledProfile implements QuarkusTestProfile {

    public static final long SEED = 7;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("closeloop.demo.enabled", "true", "closeloop.demo.seed", Long.toString(SEED));
    }
}
