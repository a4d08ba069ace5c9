package io.closeloop.actions.signal;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /q/health/well}: whether the open-request signal can run (its trained detector is stored).
 * A wellness check, not readiness: the service works without it, the other signals run, and this
 * says plainly that open requests are not being detected.
 */
@Wellness
@ApplicationScoped
public class OpenRequestSignalHealth implements HealthCheck {

    private final RequestDetector detector;

    public OpenRequestSignalHealth(RequestDetector detector) {
        this.detector = detector;
    }

    @Override
    public HealthCheckResponse call() {
        RequestDetector.Availability a = detector.availability();
        return HealthCheckResponse.named("open-request-signal").status(a.available()).withData("detector", a.model())
                .withData("detail", a.detail()).build();
    }
}
