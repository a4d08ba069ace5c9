package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/**
 * A discount offered in the text, e.g. "15% off"; {@code product} is the catalogue product it
 * applies to, if named; {@code additional} when it is offered on top of another discount.
 */
public record DiscountClaim(BigDecimal percent, String product, boolean additional, String text) {
}
