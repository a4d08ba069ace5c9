package io.closeloop.agents.pii;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of one request: the same value always gets the same placeholder (so the LLM
 * can refer to "[PERSON_1]" consistently) and {@link #restore} puts the originals back in the
 * LLM's output for the rep. The mapping lives only in this object, in memory, for one request:
 * it is never logged, stored or sent.
 */
public final class Redaction {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:EMAIL|PHONE|CARD|IBAN|PERSON)_\\d+(?:_FIRST|_LAST)?]");

    private final Map<String, String> placeholderByValue = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
    private final Map<PiiKind, Integer> sequence = new EnumMap<>(PiiKind.class);
    private final Map<PiiKind, Integer> counts = new EnumMap<>(PiiKind.class);

    /** The placeholder of a value, allocated on first sight; {@code key} identifies the value (e.g. normalised digits). */
    synchronized String placeholder(PiiKind kind, String key, String original) {
        counts.merge(kind, 1, Integer::sum);
        return placeholderByValue.computeIfAbsent(kind + ":" + key, k -> {
            String placeholder = "[" + kind + "_" + sequence.merge(kind, 1, Integer::sum) + "]";
            valueByPlaceholder.put(placeholder, original);
            return placeholder;
        });
    }

    /** Registers a fixed placeholder (a contact's name parts) with its original. */
    void fixed(String placeholder, String original) {
        valueByPlaceholder.putIfAbsent(placeholder, original);
    }

    synchronized void counted(PiiKind kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    /** Puts the original values back where the text carries placeholders of this request. */
    public String restore(String text) {
        if (text == null || valueByPlaceholder.isEmpty()) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String original = valueByPlaceholder.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(original == null ? m.group() : original));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many values of each kind were replaced (for the audit; no values). */
    public synchronized Map<PiiKind, Integer> counts() {
        return Map.copyOf(counts);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
