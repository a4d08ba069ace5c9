-- A cheaper HNSW graph to insert into: m 16 -> 12, ef_construction 64 -> 48. Inserting a chunk into the index is
-- most of what storing an interaction costs PostgreSQL (5,000 chunks into a 40,000-chunk index: 1.69 s with
-- m 16 / ef_construction 64, 1.22 s with 12 / 48, 0.03 s without the index), and ingestion competes with the
-- embedding for the same cores, while search had room to spare (1M chunks: p95 2.9 ms, recall@10 0.986 against
-- targets of 10 ms and 0.95). The search figures with this index are in bench/reports/vector-store.md.
drop index if exists interaction_chunk_embedding_idx;
create index interaction_chunk_embedding_idx on interaction_chunk
    using hnsw ((embedding::halfvec(384)) halfvec_cosine_ops) with (m = 12, ef_construction = 48);
