package io.closeloop.guardrails.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds percentages ("15%", "15 percent", "12.5 pct", "fifteen percent") and tells which are discounts: those with a
 * discount word ("off", "discount", "rebate", ...) within a few words before or after.
 */
public final class PercentExtractor {

    /**
     * A percentage at [start, end) of the text; {@code discount} when it is offered as a discount,
     * {@code additional} when it is offered on top of another ("an extra 5%", "a further 8%").
     */
    public record Percent(BigDecimal value, boolean discount, boolean additional, String text, int start, int end) {
    }

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("twenty-five", 25), Map.entry("twenty five", 25), Map.entry("thirty", 30), Map.entry("thirty-five", 35),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("a hundred", 100));

    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.\\w-])(\\d{1,3}(?:\\.\\d+)?|"
            + WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).collect(Collectors.joining("|"))
            + ")\\s?(%|percent\\b|per cent\\b|pct\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDITIONAL_BEFORE = Pattern.compile("\\b(extra|additional|further|another)\\b(?:\\s+\\S+){0,2}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDITIONAL_AFTER = Pattern.compile("^\\W{0,3}(?:\\S+\\s+){0,2}?on top\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCOUNT_AFTER = Pattern.compile(
            "^\\W{0,3}(?:\\S+\\s+){0,2}?(off|discount(?:ed)?|rebate|reduction|cheaper|markdown|savings?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISCOUNT_BEFORE = Pattern.compile(
            "\\b(discount|rebate|reduction|markdown|take|knock|save|savings)\\b(?:\\s+\\S+){0,3}\\s*$", Pattern.CASE_INSENSITIVE);

    private PercentExtractor() {
    }

    private static BigDecimal value(String number) {
        Integer word = WORDS.get(number.toLowerCase(Locale.ROOT));
        return word != null ? BigDecimal.valueOf(word) : new BigDecimal(number).stripTrailingZeros();
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
            boolean additional = discount && (ADDITIONAL_BEFORE.matcher(before).find() || ADDITIONAL_AFTER.matcher(after).find());
            found.add(new Percent(value(m.group(1)), discount, additional, m.group(), m.start(), m.end()));
        }
        return found;
    }
}
