package io.closeloop.agents.pii;

/** A person whose name must not reach the LLM (a contact of the account in question). */
public record Person(String firstName, String lastName) {
}
