package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/**
 * A price or amount stated in the text with its ISO currency. {@code product} is the catalogue
 * product named in the same sentence; {@code discounted} is true when that sentence also offers a
 * discount (the figure is then a discounted price, not the list price).
 */
public record PriceClaim(BigDecimal amount, String currency, String product, boolean discounted, String text) {
}
