package io.closeloop.guardrails.review;

import java.math.BigDecimal;

/** One price-book entry: a catalogue product's list price in one currency and its maximum discount. */
public record PriceBookFact(String product, String currency, BigDecimal listPrice, BigDecimal maxDiscountPct) {
}
