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
 */
public final class Lexicon {

    /** A term found at [start, end). */
    public record Hit(String text, int start, int end) {
    }

    private final Pattern pattern;

    private Lexicon(List<String> terms) {
        String alternatives = terms.stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(t -> Pattern.quote(t.replace("*", "\u0000")).replace("\u0000", "\\E\\w*\\Q").replace(" ", "\\E[\\s-]+\\Q"))
                .collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![\\w])(?:" + alternatives + ")(?![\\w])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static Lexicon of(List<String> terms) {
        return new Lexicon(terms);
    }

    public static Lexicon load(String name) {
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
            return new Lexicon(terms);
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
