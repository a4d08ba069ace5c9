package io.closeloop.guardrails.extract;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences with the JDK's {@link BreakIterator}; claims are related within one sentence. */
public final class Sentences {

    /** One sentence and where it starts in the text. */
    public record Sentence(int start, String text) {

        public int end() {
            return start + text.length();
        }

        public boolean contains(int offset) {
            return offset >= start && offset < end();
        }
    }

    private Sentences() {
    }

    public static List<Sentence> of(String text) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return sentences;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            // line breaks end a sentence too (greetings, list items, signatures)
            int lineStart = start;
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    add(sentences, text, lineStart, i);
                    lineStart = i + 1;
                }
            }
            add(sentences, text, lineStart, end);
        }
        return sentences;
    }

    /** The sentence containing {@code offset}, or an empty one. */
    public static Sentence at(List<Sentence> sentences, int offset) {
        for (Sentence s : sentences) {
            if (s.contains(offset)) {
                return s;
            }
        }
        return new Sentence(offset, "");
    }

    private static void add(List<Sentence> sentences, String text, int start, int end) {
        if (end > start && !text.substring(start, end).isBlank()) {
            sentences.add(new Sentence(start, text.substring(start, end)));
        }
    }
}
