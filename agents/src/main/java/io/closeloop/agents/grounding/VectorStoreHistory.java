package io.closeloop.agents.grounding;

import io.closeloop.crm.rep.Rep;
import io.closeloop.vectorstore.retrieval.InteractionSearch;
import io.closeloop.vectorstore.retrieval.SearchFilter;
import io.closeloop.vectorstore.retrieval.SearchHit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Grounding from the vector store: hybrid search (pgvector + full text, fused by reciprocal rank)
 * over the interactions the rep may see, restricted to the account in question when there is one.
 */
@ApplicationScoped
public class VectorStoreHistory implements HistorySearch {

    private final InteractionSearch search;

    public VectorStoreHistory(InteractionSearch search) {
        this.search = search;
    }

    @Override
    public List<Evidence> search(Rep rep, String query, Long accountId, int k) {
        SearchFilter filter = accountId == null ? SearchFilter.NONE : SearchFilter.account(accountId);
        return search.hybrid(rep, query, filter, k).stream().map(VectorStoreHistory::evidence).toList();
    }

    private static Evidence evidence(SearchHit hit) {
        return new Evidence(hit.interactionId(), hit.subject(), hit.channel().name(), hit.direction().name(), hit.occurredAt(), hit.snippet());
    }
}
