package io.closeloop.guardrails.catalogue;

/** One entry of the rule catalogue, read from the rule's metadata in the DRL. */
public record GuardrailRule(String id, String name, Severity severity, String message, String remedy, String unit) {
}
