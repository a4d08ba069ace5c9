package io.closeloop.guardrails.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds unfilled template placeholders: "{{first_name}}", "{company}", "[First Name]",
 * "<COMPANY NAME>", "%FIRSTNAME%", "INSERT DATE", "TODO", "TBD", "XXX". Markdown links
 * ("[pricing](https://...)") are not placeholders.
 */
public final class PlaceholderFinder {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{[^{}]{0,40}\\}\\}"
                    + "|\\{[A-Za-z_][A-Za-z0-9_ .]{0,30}\\}"
                    + "|\\[(?:[A-Z][A-Za-z0-9_]*(?:[ _][A-Za-z0-9_]+){0,3})\\](?!\\()"
                    + "|<[A-Z][A-Z0-9_ ]{2,30}>"
                    + "|%[A-Z][A-Z0-9_]{2,30}%"
                    + "|\\bINSERT(?:\\s+[A-Z]+){1,3}\\b"
                    + "|\\b(?:TODO|TBD|XXX+|FIXME)\\b");

    private PlaceholderFinder() {
    }

    public static List<Lexicon.Hit> find(String text) {
        List<Lexicon.Hit> hits = new ArrayList<>();
        if (text == null) {
            return hits;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            hits.add(new Lexicon.Hit(m.group(), m.start(), m.end()));
        }
        return hits;
    }
}
