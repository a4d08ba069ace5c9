package io.closeloop.vectorstore.retrieval;

import io.closeloop.vectorstore.interaction.Channel;
import java.time.Instant;

/** Optional restrictions of a search; all given ones must hold. {@code to} is exclusive. */
public record SearchFilter(Long accountId, Long contactId, Long dealId, Channel channel, Instant from, Instant to) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null, null, null, null);

    public static SearchFilter account(Long accountId) {
        return new SearchFilter(accountId, null, null, null, null, null);
    }
}
