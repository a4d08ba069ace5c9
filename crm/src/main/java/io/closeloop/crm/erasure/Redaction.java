package io.closeloop.crm.erasure;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces the identifying terms of an erased subject in free text, case-insensitively. */
public final class Redaction {

    public static final String MARK = "[erased]";

    private Redaction() {
    }

    /** The text with every term replaced by {@link #MARK}; null stays null. */
    public static String redact(String text, List<String> terms) {
        if (text == null || terms.isEmpty()) {
            return text;
        }
        String result = text;
        for (String term : terms) {
            result = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return result;
    }

    /** A SQL {@code LIKE}/{@code ILIKE} pattern matching text that contains the term. */
    public static String containsPattern(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
