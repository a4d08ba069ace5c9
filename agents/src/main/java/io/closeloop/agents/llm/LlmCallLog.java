package io.closeloop.agents.llm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes {@code llm_call} rows in their own transaction, so a failed answer still leaves its calls on record. */
@ApplicationScoped
public class LlmCallLog {

    public void record(LlmCall call) {
        QuarkusTransaction.requiringNew().run(call::persist);
    }
}
