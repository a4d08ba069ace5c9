package io.closeloop.guardrails.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentExtractorTest {

    static String discounts(String text) {
        return PercentExtractor.find(text).stream().map(p -> p.value().toPlainString() + (p.discount() ? "d" : "")).toList().toString();
    }

    @Test
    void tellsDiscountsFromOtherPercentages() {
        assertThat(discounts("Usage grew 40% and we can offer 15% off.")).isEqualTo("[40, 15d]");
        assertThat(discounts("A discount of 12.5 percent applies; churn fell 3 pct.")).isEqualTo("[12.5d, 3]");
        assertThat(discounts("We can take 20 % of the list price off")).isEqualTo("[20d]");
    }

    @Test
    void readsPercentagesInWordsAndMarksStackedDiscounts() {
        assertThat(discounts("Twenty-five percent off, or fifteen percent off.")).isEqualTo("[25d, 15d]");
        assertThat(PercentExtractor.find("Take an extra 5% off on top of the 10% off.")).extracting(PercentExtractor.Percent::additional)
                .containsExactly(true, false);
    }

    @Test
    void aDiscountWordFarAwayDoesNotMakeAPercentageADiscount() {
        assertThat(discounts("Adoption is at 85% across all of your regional teams, so no discount is needed.")).isEqualTo("[85]");
    }
}
