package io.closeloop.vectorstore.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and chunking of interaction ingestion (webhook, bulk import, queue). */
@ConfigMapping(prefix = "closeloop.vectorstore.ingest")
public interface IngestionConfig {

    /** Largest body of one interaction, in UTF-8 bytes; larger ones are refused with 413 naming this limit. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** Most interactions in one webhook request or one queue message. */
    @WithDefault("500")
    int maxBatch();

    /** Longest chunk, in characters (about 250 tokens: both candidate models read 512 tokens at most). */
    @WithDefault("1000")
    int chunkMaxChars();

    /** Characters shared by neighbouring chunks, so a sentence cut at a border is found from both sides. */
    @WithDefault("100")
    int chunkOverlapChars();

    /** Largest file accepted by the import endpoint (the command-line import has no limit). */
    @WithDefault("20M")
    io.quarkus.runtime.configuration.MemorySize importMaxBytes();

    /** Rows of a bulk import handled (embedded and stored) together. */
    @WithDefault("64")
    int importBatch();
}
