package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/** A discount offered in the text, e.g. "15% off"; {@code product} is the catalogue product it applies to, if named. */
public record DiscountClaim(BigDecimal percent, String product, String text) {
}
