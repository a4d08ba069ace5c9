package io.closeloop.agents.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.closeloop.crm.product.PriceBookEntry;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The price book (active products, list prices and the largest discount allowed), for an LLM agent. */
public final class PriceBookTools {

    private final Supplier<ToolScope> scope;

    public PriceBookTools(Supplier<ToolScope> scope) {
        this.scope = scope;
    }

    @Tool("Looks up list prices and maximum discounts of active products whose name, SKU or family contains the text.")
    public String priceBook(@P("part of a product name, SKU or family") String product) {
        String like = "%" + (product == null ? "" : product.toLowerCase(Locale.ROOT).strip()) + "%";
        return scope.get().read(() -> {
            String rows = PriceBookEntry.<PriceBookEntry>list("product.active = true and (lower(product.name) like ?1 or lower(product.sku) like ?1"
                    + " or lower(product.family) like ?1) order by product.sku, currency", like).stream()
                    .limit(20)
                    .map(e -> e.product.sku + " " + e.product.name + ": " + e.listPrice + " " + e.currency + ", max discount " + e.maxDiscountPct + "%")
                    .collect(Collectors.joining("\n"));
            return rows.isEmpty() ? "No active product matches." : rows;
        });
    }
}
