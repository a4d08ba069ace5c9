package io.closeloop.guardrails.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds percentages ("15%", "15 percent", "12.5 pct") and tells which are discounts: those with a
 * discount word ("off", "discount", "rebate", ...) within a few words before or after.
 */
public final class PercentExtractor {

    /** A percentage at [start, end) of the text; {@code discount} when it is offered as a discount. */
    public record Percent(BigDecimal value, boolean discount, String text, int start, int end) {
    }

    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d+)?)\\s?(%|percent\\b|per cent\\b|pct\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCOUNT_AFTER = Pattern.compile(
            "^\\W{0,3}(?:\\S+\\s+){0,2}?(off|discount(?:ed)?|rebate|reduction|cheaper|markdown|savings?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCOUNT_BEFORE = Pattern.compile(
            "\\b(discount|rebate|reduction|markdown|take|knock|save|savings)\\b(?:\\s+\\S+){0,3}\\s*$", Pattern.CASE_INSENSITIVE);

    private PercentExtractor() {
    }

    public static List<Percent> find(String text) {
        List<Percent> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PERCENT.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            boolean discount = DISCOUNT_AFTER.matcher(after).find() || DISCOUNT_BEFORE.matcher(before).find();
            found.add(new Percent(new BigDecimal(m.group(1)).stripTrailingZeros(), discount, m.group(), m.start(), m.end()));
        }
        return found;
    }
}
