package io.closeloop.crm.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as CRM exports write them. */
class ExportDatesTest {

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource(delimiter = '|', value = {
            "2025-03-15                | MDY | 2025-03-15",
            "2025-03-15 14:30          | MDY | 2025-03-15",
            "2025-03-15T23:30:00Z      | MDY | 2025-03-15",
            "2025-03-15T23:30:00-05:00 | MDY | 2025-03-16",
            "2025-03-15T00:30:00+0200  | MDY | 2025-03-14",
            "3/15/2025                 | MDY | 2025-03-15",
            "03/04/2025                | MDY | 2025-03-04",
            "03/04/2025                | DMY | 2025-04-03",
            "3/15/2025 10:30 AM        | MDY | 2025-03-15",
            "15.03.2025                | MDY | 2025-03-15",
            "15-03-2025                | MDY | 2025-03-15",
            "Mar 15, 2025              | MDY | 2025-03-15",
            "March 15 2025             | MDY | 2025-03-15",
            "15 Mar 2025               | MDY | 2025-03-15",
            "15-Sep-2025               | MDY | 2025-09-15",
            "2025/03/15                | DMY | 2025-03-15" })
    void parsesExportDates(String text, DateOrder order, LocalDate expected) {
        assertEquals(expected, ExportDates.parse(text, order));
    }

    @Test
    void aDayFirstSlashDateInAMonthFirstFileNamesTheFix() {
        String reason = assertThrows(IllegalArgumentException.class, () -> ExportDates.parse("25/03/2025", DateOrder.MDY)).getMessage();
        assertTrue(reason.contains("?dates=DMY"), reason);
        assertEquals(LocalDate.of(2025, 3, 25), ExportDates.parse("25/03/2025", DateOrder.DMY));
    }

    @ParameterizedTest
    @ValueSource(strings = { "sometime in Q3", "2025-02-30", "13/13/2025", "31.02.2025", "Smarch 3, 2025", "3/15/25", "2025" })
    void rejectsWhatIsNotADate(String text) {
        assertThrows(IllegalArgumentException.class, () -> ExportDates.parse(text, DateOrder.MDY));
    }
}
