package io.closeloop.kernel.ratelimit;

import io.closeloop.kernel.problem.ProblemException;
import io.closeloop.kernel.problem.ProblemType;

/** A 429: the caller used up a per-user limit; {@link #retryAfterSeconds()} says when to come back. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    public RateLimitedException(String limit, long retryAfterSeconds) {
        super(ProblemType.TOO_MANY_REQUESTS, "The " + limit + " limit for your user is used up; retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
