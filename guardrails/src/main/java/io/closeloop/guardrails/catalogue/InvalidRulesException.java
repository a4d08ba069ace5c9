package io.closeloop.guardrails.catalogue;

/** Guardrail rules that cannot be used: a DRL that does not compile or lacks catalogue metadata. */
public class InvalidRulesException extends RuntimeException {

    public InvalidRulesException(String source, String problem) {
        super("Guardrail rules in " + source + " are invalid: " + problem);
    }

    public InvalidRulesException(String source, String problem, Throwable cause) {
        super("Guardrail rules in " + source + " are invalid: " + problem, cause);
    }
}
