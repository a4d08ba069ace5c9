package io.closeloop.crm.demo;

import java.math.BigDecimal;
import java.util.List;

/** A catalogue product with its price book entries (one per currency). */
public record DemoProduct(String sku, String name, String family, String description, List<Price> prices) {

    public DemoProduct {
        prices = List.copyOf(prices);
    }

    /** List price per unit in one currency and the largest discount ever allowed on it. */
    public record Price(String currency, BigDecimal listPrice, BigDecimal maxDiscountPct) {
    }

    public Price price(String currency) {
        return prices.stream().filter(p -> p.currency().equals(currency)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(sku + " has no price in " + currency));
    }
}
