package io.closeloop.agents.score;

import io.closeloop.agents.api.Citation;
import io.closeloop.vectorstore.interaction.Interaction;
import java.util.List;
import java.util.Objects;

/** The interactions behind a score, as linked citations (in the order given, without repeats). Run in a transaction. */
final class InteractionCitations {

    private static final int SNIPPET = 200;

    private InteractionCitations() {
    }

    static List<Citation> of(List<Long> interactionIds) {
        return interactionIds.stream().distinct().map(id -> Interaction.<Interaction>findById(id)).filter(Objects::nonNull)
                .map(i -> new Citation(i.id, i.subject, i.channel.name(), i.occurredAt,
                        i.body.length() > SNIPPET ? i.body.substring(0, SNIPPET) + "…" : i.body, Citation.linkTo(i.id)))
                .toList();
    }
}
