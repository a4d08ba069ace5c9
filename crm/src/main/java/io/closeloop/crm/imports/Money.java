package io.closeloop.crm.imports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount as exports write it: "$45,000.00", "€12.500,50", "1 250 000", "USD 9,900",
 * "12'000.50 CHF". The last of ',' and '.' is the decimal separator when both appear; a single
 * separator followed by exactly three digits groups thousands ("1.500" is 1500, but "0.125" is a
 * fraction, and rejected for its third decimal); spaces and apostrophes group too.
 *
 * @param amount   the value, never negative, at most two decimals
 * @param currency the ISO code the text named (symbol or code), or null
 */
public record Money(BigDecimal amount, String currency) {

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "US$", "USD", "€", "EUR", "£", "GBP",
            "¥", "JPY", "C$", "CAD", "A$", "AUD", "CHF", "CHF", "R$", "BRL", "₹", "INR");
    private static final Pattern SHAPE = Pattern.compile("^([A-Z]{3}|US\\$|C\\$|A\\$|R\\$|[$€£¥₹])?(-)?([0-9][0-9.,]*)([A-Z]{3}|[$€£¥₹])?$");
    private static final Pattern GROUPED_BY_THREE = Pattern.compile("[1-9][0-9]{0,2}([.,][0-9]{3})+");
    private static final int MAX_INTEGER_DIGITS = 16;

    /** Parses the text; the message of the exception is the reason to show the user. */
    public static Money parse(String raw) {
        String text = raw.strip().replaceAll("[\\s\\u00A0\\u202F'’]", "").toUpperCase(Locale.ROOT);
        boolean negative = false;
        if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("-")) {
            negative = true;
            text = text.substring(1);
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches() || m.group(1) != null && m.group(4) != null) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is not an amount");
        }
        if (negative || m.group(2) != null) {
            throw new IllegalArgumentException("must not be negative");
        }
        String unit = m.group(1) != null ? m.group(1) : m.group(4);
        String currency = unit == null ? null : SYMBOLS.getOrDefault(unit, unit);
        BigDecimal amount = new BigDecimal(plainNumber(m.group(3), raw));
        if (amount.scale() > 2) {
            throw new IllegalArgumentException("'" + raw.strip() + "' has more than two decimals");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("'" + raw.strip() + "' is too large");
        }
        return new Money(amount, currency);
    }

    private static String plainNumber(String digits, String raw) {
        int comma = digits.lastIndexOf(',');
        int dot = digits.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            char decimal = comma > dot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            String integer = digits.substring(0, Math.max(comma, dot));
            if (integer.indexOf(decimal) >= 0 || !GROUPED_BY_THREE.matcher(integer).matches() && integer.indexOf(grouping) >= 0) {
                throw new IllegalArgumentException("'" + raw.strip() + "' is not an amount");
            }
            return integer.replace(String.valueOf(grouping), "") + "." + digits.substring(Math.max(comma, dot) + 1);
        }
        char separator = comma >= 0 ? ',' : '.';
        int count = (int) digits.chars().filter(c -> c == separator).count();
        if (count == 0) {
            return digits;
        }
        if (GROUPED_BY_THREE.matcher(digits).matches()) {
            return digits.replace(String.valueOf(separator), "");
        }
        if (count == 1 && !digits.endsWith(String.valueOf(separator))) {
            return digits.replace(separator, '.');
        }
        throw new IllegalArgumentException("'" + raw.strip() + "' is not an amount");
    }
}
