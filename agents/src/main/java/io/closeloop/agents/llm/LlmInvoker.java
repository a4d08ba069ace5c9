package io.closeloop.agents.llm;

import dev.langchain4j.exception.NonRetriableException;
import io.closeloop.kernel.ratelimit.RateLimitedException;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Every LLM call of every agent goes through here (SmallRye Fault Tolerance): a timeout per
 * attempt, retries with exponential back-off and jitter on rate limits, server errors, timeouts
 * and unparseable output, a circuit breaker shared by all roles, and a fallback that reports why
 * there is no answer so the agent can answer offline. Authentication and bad-request errors are
 * not retried. A rep whose LLM token budget is spent ({@code RateLimitedException}, thrown by
 * {@link RecordingChatModel} before the HTTP call) is neither retried nor answered offline nor
 * counted against the provider's breaker: the 429 with Retry-After goes back to the rep, because an
 * offline draft would hide that it is their own budget, not the provider, that stops the answer.
 * The values below are defaults; change them with MicroProfile Fault Tolerance
 * properties, e.g. {@code io.closeloop.agents.llm.LlmInvoker/invoke/Timeout/value=30000}.
 */
@ApplicationScoped
public class LlmInvoker {

    /** Name of the shared circuit breaker, for {@code CircuitBreakerMaintenance} (the router degrades while it is open). */
    public static final String CIRCUIT = "closeloop-llm";

    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 400, jitter = 200,
            abortOn = { NonRetriableException.class, CircuitBreakerOpenException.class, RateLimitedException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    @CircuitBreakerName(CIRCUIT)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            skipOn = RateLimitedException.class)
    @Fallback(value = LlmUnavailable.class, skipOn = RateLimitedException.class)
    public LlmOutcome invoke(LlmRole role, Supplier<?> call) {
        return LlmOutcome.ok(call.get());
    }
}
