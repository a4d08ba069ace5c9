package io.closeloop.agents.tools;

import io.closeloop.agents.grounding.Evidence;

/**
 * How interaction text is put in front of an LLM: inside {@code <interaction>} tags with its id,
 * marked as data; angle brackets in the text are neutralised so content cannot close the tag and
 * pose as instructions.
 */
public final class InteractionFormat {

    private InteractionFormat() {
    }

    public static String block(Evidence e) {
        return "<interaction id=\"" + e.interactionId() + "\" channel=\"" + e.channel() + "\" direction=\"" + e.direction()
                + "\" date=\"" + e.occurredAt() + "\" trust=\"untrusted-data\">\n"
                + "subject: " + neutral(e.subject()) + "\n" + neutral(e.text()) + "\n</interaction>";
    }

    public static String neutral(String text) {
        return text == null ? "" : text.replace('<', '‹').replace('>', '›');
    }
}
