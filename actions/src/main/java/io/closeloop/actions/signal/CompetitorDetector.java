package io.closeloop.actions.signal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the first configured competitor named in a text (whole words, any case). */
@ApplicationScoped
public class CompetitorDetector {

    private final Pattern names;

    public CompetitorDetector(SignalConfig config) {
        List<String> quoted = config.competitors().stream().map(String::trim).filter(s -> !s.isEmpty()).map(Pattern::quote).toList();
        this.names = quoted.isEmpty() ? null
                : Pattern.compile("\\b(" + String.join("|", quoted) + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public Optional<String> find(String text) {
        if (names == null || text == null) {
            return Optional.empty();
        }
        Matcher m = names.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
