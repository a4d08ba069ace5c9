package io.closeloop.guardrails.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds amounts of money: "$1,200", "USD 1,200.50", "1.200 EUR", "€99", "2.5k USD", "300 dollars".
 * Currencies are ISO 4217 codes (checked against {@link Currency}); a bare number is not money.
 */
public final class MoneyExtractor {

    /** An amount found at [start, end) of the text, as written there. */
    public record Money(BigDecimal amount, String currency, String text, int start, int end) {
    }

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "US$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY");
    private static final Map<String, String> WORDS = Map.of("dollars", "USD", "dollar", "USD", "euros", "EUR", "euro", "EUR",
            "pounds", "GBP", "pound", "GBP");
    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final String NUMBER = "(\\d{1,3}(?:[,.]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)(?:\\s?([kKmM])\\b)?";
    private static final Pattern BEFORE = Pattern.compile("(US\\$|[$€£¥]|\\b[A-Z]{3}\\b)\\s?" + NUMBER);
    private static final Pattern AFTER = Pattern.compile("(?<![\\d.,$€£¥])" + NUMBER + "\\s?(\\b[A-Z]{3}\\b|dollars?\\b|euros?\\b|pounds?\\b|€)");

    private MoneyExtractor() {
    }

    public static List<Money> find(String text) {
        List<Money> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = BEFORE.matcher(text);
        while (m.find()) {
            String currency = currency(m.group(1));
            if (currency != null) {
                found.add(new Money(amount(m.group(2), m.group(3)), currency, m.group().strip(), m.start(), m.end()));
            }
        }
        m = AFTER.matcher(text);
        while (m.find()) {
            String currency = currency(m.group(3));
            int start = m.start();
            if (currency != null && found.stream().noneMatch(f -> f.start() <= start && start < f.end())) {
                found.add(new Money(amount(m.group(1), m.group(2)), currency, m.group().strip(), m.start(), m.end()));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static String currency(String token) {
        if (SYMBOLS.containsKey(token)) {
            return SYMBOLS.get(token);
        }
        if (WORDS.containsKey(token.toLowerCase())) {
            return WORDS.get(token.toLowerCase());
        }
        return CODES.contains(token) ? token : null;
    }

    /** "1,200.50" and "1.200,50" are both 1200.50; "2.5k" is 2500. */
    static BigDecimal amount(String number, String suffix) {
        String digits = number;
        int lastSep = Math.max(digits.lastIndexOf(','), digits.lastIndexOf('.'));
        if (lastSep >= 0 && digits.length() - lastSep - 1 <= 2) {
            String whole = digits.substring(0, lastSep).replaceAll("[,.]", "");
            digits = whole + "." + digits.substring(lastSep + 1);
        } else {
            digits = digits.replaceAll("[,.]", "");
        }
        BigDecimal amount = new BigDecimal(digits);
        if (suffix != null) {
            amount = amount.multiply(suffix.equalsIgnoreCase("k") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(1_000_000));
        }
        return amount.stripTrailingZeros();
    }
}
