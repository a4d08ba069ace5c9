package io.closeloop.guardrails.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateExtractorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15); // a Monday

    static String dates(String text) {
        return DateExtractor.find(text, TODAY).stream().map(d -> d.date() + (d.commitment() ? "!" : "")).toList().toString();
    }

    @Test
    void readsAbsoluteDatesInCommonFormats() {
        assertThat(dates("Kick-off was 2026-03-03. Renewal is 09/30/2026. Review on 4 July 2026 and March 3, 2027."))
                .isEqualTo("[2026-03-03, 2026-09-30, 2026-07-04, 2027-03-03]");
    }

    @Test
    void aDateWithoutYearIsTheNextSuchDay() {
        assertThat(dates("Call on March 3 and on July 1st.")).isEqualTo("[2027-03-03, 2026-07-01]");
    }

    @Test
    void resolvesRelativeDatesAgainstToday() {
        assertThat(dates("tomorrow, in 3 weeks, within ten days, next Friday, end of the quarter"))
                .isEqualTo("[2026-06-16, 2026-07-06, 2026-06-25, 2026-06-19, 2026-06-30]");
    }

    @Test
    void marksDatesInPromisingSentencesAsCommitments() {
        assertThat(dates("We will have it live by July 1, 2026. The webinar was on June 1, 2026."))
                .isEqualTo("[2026-07-01!, 2026-06-01]");
    }

    @Test
    void aQuarterIsItsLastDay() {
        assertThat(dates("We will ship by Q3 2027 and review in Q1 of 2026.")).isEqualTo("[2027-09-30!, 2026-03-31!]");
    }

    @Test
    void ignoresImpossibleDates() {
        assertThat(dates("See 2026-02-30 and 13/45/2026.")).isEqualTo("[]");
    }
}
