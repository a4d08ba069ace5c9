package io.closeloop.agents.llm;

import dev.langchain4j.exception.RateLimitException;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** The fallback of {@link LlmInvoker}: says in plain words why the LLM gave no answer. */
public class LlmUnavailable implements FallbackHandler<LlmOutcome> {

    @Override
    public LlmOutcome handle(ExecutionContext context) {
        Throwable failure = context.getFailure();
        String why;
        if (timedOut(failure)) {
            why = "the language model did not answer in time";
        } else if (failure instanceof CircuitBreakerOpenException) {
            why = "the language model failed repeatedly and is paused for a while";
        } else if (failure instanceof RateLimitException) {
            why = "the language model provider is rate-limiting us";
        } else {
            why = "the language model could not be used (" + failure.getClass().getSimpleName() + ")";
        }
        return LlmOutcome.failed(why);
    }

    /** A fault-tolerance timeout, or an HTTP client timeout in whatever wrapper the client throws it. */
    static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof dev.langchain4j.exception.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")
                    || t.getMessage() != null && t.getMessage().contains("timeout period")) {
                return true;
            }
        }
        return false;
    }
}
