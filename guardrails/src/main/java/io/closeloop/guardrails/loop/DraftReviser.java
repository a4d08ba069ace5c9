package io.closeloop.guardrails.loop;

import io.closeloop.guardrails.check.DraftInput;
import io.closeloop.guardrails.engine.FiredRule;
import java.util.List;

/**
 * Writes a new version of a blocked output, given the rules it broke. The agents layer implements
 * it with the LLM (the violations go into the prompt); guardrails only call it, once.
 */
@FunctionalInterface
public interface DraftReviser {

    DraftInput revise(DraftInput blocked, List<FiredRule> violations);
}
