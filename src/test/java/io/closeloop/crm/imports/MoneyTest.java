package io.closeloop.crm.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts as CRM exports write them. */
class MoneyTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "45000            | 45000      | -",
            "$45,000.00       | 45000.00   | USD",
            "US$ 1,200        | 1200       | USD",
            "€12.500,50       | 12500.50   | EUR",
            "€95.000.000      | 95000000   | EUR",
            "1 250 000        | 1250000    | -",
            "USD 9,900        | 9900       | USD",
            "12'000.50 CHF    | 12000.50   | CHF",
            "£3,100,000       | 3100000    | GBP",
            "96,750.50        | 96750.50   | -",
            "12.5             | 12.5       | -",
            "12,5             | 12.5       | -",
            "1,234            | 1234       | -",
            "1.005            | 1005       | -",
            "1.234.567,89     | 1234567.89 | -",
            "0                | 0          | -",
            "eur 52,000.00    | 52000.00   | EUR" })
    void parsesExportAmounts(String text, String amount, String currency) {
        Money money = Money.parse(text);
        assertEquals(0, new BigDecimal(amount).compareTo(money.amount()), text);
        assertEquals(currency, money.currency(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-500", "(1,200.00)", "$-5", "-$5" })
    void rejectsNegativeAmounts(String text) {
        assertEquals("must not be negative", assertThrows(IllegalArgumentException.class, () -> Money.parse(text)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "12,5,0", "1.2.3,4,5", "1.234,56.78", "$", "12.", "USD 5 EUR", "1e5", "12.345.67" })
    void rejectsWhatIsNotAnAmount(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0.125", "12,345.678", "9.9999" })
    void rejectsMoreThanTwoDecimals(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "99999999999999999", "1,000,000,000,000,000,000" })
    void rejectsAmountsTooLargeToStore(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text));
    }
}
