package io.closeloop.agents.pii;

/** The kinds of personal data replaced before text reaches an LLM; the name is the placeholder's prefix. */
public enum PiiKind {
    EMAIL, PHONE, CARD, IBAN, PERSON
}
