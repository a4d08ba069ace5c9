package io.closeloop.guardrails.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A word list from {@code io/closeloop/guardrails/lexicon/<name>.txt} (one term per line, '#'
 * comments; '*' matches any word ending), compiled to one case-insensitive whole-word pattern.
 * A masked lexicon also matches the usual disguises after the first letter: "f*ck", "cr@p",
 * "m0ron", "sh!t".
 */
public final class Lexicon {

    /** A term found at [start, end). */
    public record Hit(String text, int start, int end) {
    }

    private final Pattern pattern;

    private Lexicon(List<String> terms, boolean masked) {
        String alternatives = terms.stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(t -> masked ? masked(t) : Pattern.quote(t.replace("*", "\u0000")).replace("\u0000", "\\E\\w*\\Q").replace(" ", "\\E[\\s-]+\\Q"))
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\w])(?:" + alternatives + ")(?![\\w])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static Lexicon of(List<String> terms) {
        return new Lexicon(terms, false);
    }

    public static Lexicon load(String name) {
        return load(name, false);
    }

    /** A term as a pattern where every letter after the first may also be a mask or look-alike character. */
    private static String masked(String term) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '*' && i == term.length() - 1) {
                regex.append("\\w*");
            } else if (c == ' ') {
                regex.append("[\\s-]+");
            } else if (i > 0 && Character.isLetter(c)) {
                regex.append('[').append(c).append(lookAlikes(c)).append("*#@!$%.\\-]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static String lookAlikes(char c) {
        return switch (Character.toLowerCase(c)) {
            case 'a' -> "4";
            case 'e' -> "3";
            case 'i', 'l' -> "1|";
            case 'o' -> "0";
            case 's' -> "5";
            case 't' -> "7";
            default -> "";
        };
    }

    public static Lexicon load(String name, boolean masked) {
        String resource = "io/closeloop/guardrails/lexicon/" + name + ".txt";
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lexicon " + resource + " is missing");
            }
            List<String> terms = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                String term = line.strip();
                if (!term.isEmpty() && !term.startsWith("#")) {
                    terms.add(term);
                }
            }
            return new Lexicon(terms, masked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Hit> find(String text) {
        List<Hit> hits = new ArrayList<>();
        if (text == null) {
            return hits;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            hits.add(new Hit(m.group(), m.start(), m.end()));
        }
        return hits;
    }
}
