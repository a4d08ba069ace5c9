package io.closeloop.guardrails.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyExtractorTest {

    static String amounts(String text) {
        return MoneyExtractor.find(text).stream().map(m -> m.currency() + " " + m.amount().toPlainString()).toList().toString();
    }

    @Test
    void readsSymbolsCodesAndWordsAsIsoCurrencies() {
        assertThat(amounts("It is $1,200 or €99.50, £10 and 300 dollars.")).isEqualTo("[USD 1200, EUR 99.5, GBP 10, USD 300]");
        assertThat(amounts("USD 1,200.50 and 1.200,50 EUR and 2.5k USD")).isEqualTo("[USD 1200.5, EUR 1200.5, USD 2500]");
    }

    @Test
    void bareNumbersAndUnknownCodesAreNotMoney() {
        assertThat(MoneyExtractor.find("We have 1200 users in 3 regions, see ABC 12 and the 2026 plan.")).isEmpty();
    }

    @Test
    void keepsTheTextAsWrittenForRepairs() {
        MoneyExtractor.Money m = MoneyExtractor.find("Insights Pro is $999 per seat.").get(0);
        assertThat(m.text()).isEqualTo("$999");
        assertThat(m.amount()).isEqualByComparingTo(new BigDecimal("999"));
    }
}
