package io.closeloop.agents.grounding;

import io.closeloop.crm.rep.Rep;
import java.util.List;

/**
 * Retrieval over the interactions the rep may see (the vector store implements it). Results are
 * scoped by the CRM ownership rule before they reach an agent.
 */
public interface HistorySearch {

    /** The interactions most relevant to {@code query}, best first; only the account's when {@code accountId} is set. */
    List<Evidence> search(Rep rep, String query, Long accountId, int k);
}
