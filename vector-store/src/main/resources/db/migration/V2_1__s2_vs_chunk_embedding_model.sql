-- Which model embedded each chunk, so that a change of the configured model can be re-embedded
-- chunk by chunk (./closeloop vectors re-embed, resumable) and search only compares vectors of
-- the model that embeds the query. Existing chunks take their interaction's model.
alter table interaction_chunk add column embedding_model text;
update interaction_chunk c set embedding_model = i.embedding_model from interaction i where i.id = c.interaction_id;
alter table interaction_chunk alter column embedding_model set not null;
