package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/** The rep the output is written for: role, discount authority and who approves for them. */
public record RepFact(Long id, String role, BigDecimal discountAuthorityPct, Long managerId) {
}
