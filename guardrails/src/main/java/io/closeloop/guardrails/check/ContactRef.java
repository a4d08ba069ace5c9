package io.closeloop.guardrails.check;

/** A CRM contact as the rules need it: which account it belongs to and its e-mail consent. */
public record ContactRef(Long id, Long accountId, String consent) {
}
