package io.closeloop.agents.small;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExtractorsTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 18);

    @Test
    void readsRelativeAndAbsoluteDates() {
        assertThat(DateExtractor.find("call them tomorrow", WEDNESDAY)).contains(LocalDate.of(2026, 11, 19));
        assertThat(DateExtractor.find("met yesterday", WEDNESDAY)).contains(LocalDate.of(2026, 11, 17));
        assertThat(DateExtractor.find("follow up next Friday", WEDNESDAY)).contains(LocalDate.of(2026, 11, 20));
        assertThat(DateExtractor.find("spoke last Monday", WEDNESDAY)).contains(LocalDate.of(2026, 11, 16));
        assertThat(DateExtractor.find("in 2 weeks", WEDNESDAY)).contains(LocalDate.of(2026, 12, 2));
        assertThat(DateExtractor.find("3 days ago", WEDNESDAY)).contains(LocalDate.of(2026, 11, 15));
        assertThat(DateExtractor.find("close date 2027-01-31", WEDNESDAY)).contains(LocalDate.of(2027, 1, 31));
        assertThat(DateExtractor.find("by Dec 15th", WEDNESDAY)).contains(LocalDate.of(2026, 12, 15));
        assertThat(DateExtractor.find("by 3 January", WEDNESDAY)).contains(LocalDate.of(2027, 1, 3));
        assertThat(DateExtractor.find("end of quarter", WEDNESDAY)).contains(LocalDate.of(2026, 12, 31));
        assertThat(DateExtractor.find("no date here", WEDNESDAY)).isEmpty();
    }

    @Test
    void readsAmountsWithCurrencyOrScale() {
        assertThat(AmountExtractor.find("amount $45,000")).contains(new BigDecimal("45000"));
        assertThat(AmountExtractor.find("worth 48k now")).contains(new BigDecimal("48000"));
        assertThat(AmountExtractor.find("size 1.2m")).contains(new BigDecimal("1200000"));
        assertThat(AmountExtractor.find("EUR 30000")).contains(new BigDecimal("30000"));
        assertThat(AmountExtractor.find("move to stage 3")).isEmpty();
    }
}
