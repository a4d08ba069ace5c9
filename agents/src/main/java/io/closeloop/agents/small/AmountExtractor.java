package io.closeloop.agents.small;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a money amount from a message: "$45,000", "45k", "1.2m", "EUR 30000", "30000 USD". */
public final class AmountExtractor {

    private static final Pattern AMOUNT = Pattern.compile(
            "(?:[$€£]|\\b(?:usd|eur|gbp) ?)(\\d[\\d,]*(?:\\.\\d+)?) ?([km])?\\b|\\b(\\d[\\d,]*(?:\\.\\d+)?) ?([km])\\b|\\b(\\d[\\d,]*(?:\\.\\d+)?) ?(?:usd|eur|gbp|dollars|euros)\\b");

    private AmountExtractor() {
    }

    public static Optional<BigDecimal> find(String message) {
        Matcher m = AMOUNT.matcher(message.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(5);
        String scale = m.group(1) != null ? m.group(2) : m.group(3) != null ? m.group(4) : null;
        BigDecimal value = new BigDecimal(number.replace(",", ""));
        if ("k".equals(scale)) {
            value = value.multiply(BigDecimal.valueOf(1_000));
        } else if ("m".equals(scale)) {
            value = value.multiply(BigDecimal.valueOf(1_000_000));
        }
        return Optional.of(value.stripTrailingZeros().setScale(Math.max(0, value.stripTrailingZeros().scale())));
    }
}
