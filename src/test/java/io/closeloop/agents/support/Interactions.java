package io.closeloop.agents.support;

import io.closeloop.crm.CrmFixtures;
import io.closeloop.crm.rep.Rep;
import io.closeloop.vectorstore.ingest.IngestResult;
import io.closeloop.vectorstore.ingest.IngestionPipeline;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.InteractionInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Puts interactions into the real vector store (chunked, embedded, in pgvector) for the agents' tests. */
@ApplicationScoped
public class Interactions {

    private final IngestionPipeline pipeline;

    public Interactions(IngestionPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** Stores one interaction on the account and returns its id. */
    public long add(Rep actor, long accountId, String channel, String direction, String occurredAt, String subject, String body) {
        IngestResult result = pipeline.ingestOne(new InteractionInput(CrmFixtures.unique("agents-test"), "test", channel, direction, occurredAt,
                accountId, null, null, subject, body, null, null, null, List.of(), null), IngestPath.API, actor);
        if (!result.stored()) {
            throw new IllegalStateException("interaction not stored: " + result);
        }
        return result.interactionId();
    }
}
