-- The HNSW index over a half-precision copy of the embeddings: half the pages of the vector(384)
-- index (about 1 GB instead of 2 GB at 1M chunks), so it stays in shared buffers and builds
-- faster, for no measurable loss of recall (bench/reports/vector-store.md). Queries order by the
-- same expression (retrieval/NearestChunks.INDEXED) and re-sort candidates by the full-precision distance.
drop index if exists interaction_chunk_embedding_idx;
create index interaction_chunk_embedding_idx on interaction_chunk
    using hnsw ((embedding::halfvec(384)) halfvec_cosine_ops) with (m = 16, ef_construction = 64);
