package io.closeloop.kernel.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** A fresh application (its event channel not connected yet) with {@link SlowHandOverInterceptor} on that channel. */
public class SlowHandOverProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SlowHandOverInterceptor.class);
    }
}
