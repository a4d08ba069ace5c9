package io.closeloop.vectorstore.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.closeloop.vectorstore.interaction.Channel;
import io.closeloop.vectorstore.interaction.Direction;
import java.time.Instant;

/**
 * One interaction found by a search, with its best chunk. {@code score} is the cosine
 * similarity for semantic search and the reciprocal-rank-fusion score for hybrid search, whose
 * hits also carry their rank in each list (null when absent from it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchHit(long interactionId, String externalId, double score, int chunk, String snippet, String subject,
        Channel channel, Direction direction, Instant occurredAt, Long accountId, Long contactId, Long dealId,
        Integer vectorRank, Integer textRank) {

    SearchHit ranked(double newScore, Integer vector, Integer text) {
        return new SearchHit(interactionId, externalId, newScore, chunk, snippet, subject, channel, direction, occurredAt, accountId,
                contactId, dealId, vector, text);
    }
}
