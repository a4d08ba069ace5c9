package io.closeloop.vectorstore.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.closeloop.crm.rep.Rep;
import io.closeloop.kernel.outbox.Outbox;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import io.closeloop.vectorstore.identity.IdentityResolver;
import io.closeloop.vectorstore.identity.Match;
import io.closeloop.vectorstore.interaction.IngestPath;
import io.closeloop.vectorstore.interaction.Interaction;
import io.closeloop.vectorstore.interaction.MatchMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database half of the pipeline: one transaction per batch that upserts the interactions by
 * external id, resolves their CRM links, replaces their chunks and writes the
 * {@value #INGESTED} event to the outbox. Concurrent writers of the same external id are
 * serialised by a transaction-scoped advisory lock, so a repeat never makes a second row.
 */
@ApplicationScoped
public class InteractionWriter {

    public static final String INGESTED = "vectorstore.interaction.ingested";

    /** A valid interaction with, when its text needs (re-)embedding, its chunks and their vectors. */
    public record Prepared(int index, ValidInteraction input, List<String> chunks, List<float[]> vectors) {
    }

    /** What is stored now for an external id: enough to decide whether to embed again. */
    public record Stored(String contentHash, String subject, String body, String embeddingModel) {
    }

    private final IdentityResolver identity;
    private final ChunkStore chunks;
    private final Chunker chunker;
    private final TextEmbedder embedder;
    private final Outbox outbox;
    private final EntityManager em;
    private final ObjectMapper json;

    public InteractionWriter(IdentityResolver identity, ChunkStore chunks, Chunker chunker, TextEmbedder embedder, Outbox outbox,
            EntityManager em, ObjectMapper json) {
        this.json = json;
        this.identity = identity;
        this.chunks = chunks;
        this.chunker = chunker;
        this.embedder = embedder;
        this.outbox = outbox;
        this.em = em;
    }

    @Transactional
    public Map<String, Stored> stored(List<String> externalIds) {
        Map<String, Stored> stored = new HashMap<>();
        if (!externalIds.isEmpty()) {
            Interaction.<Interaction>list("externalId in ?1", externalIds).forEach(i -> stored.put(i.externalId,
                    new Stored(i.contentHash, i.subject, i.body, i.embeddingModel)));
        }
        return stored;
    }

    /**
     * Stores a batch in one transaction with a fixed number of statements, whatever the batch
     * size: locks, current rows, identity resolution, one insert of the new interactions, chunk
     * delete, chunk insert, one insert of the outbox events. Only interactions that already exist
     * and changed are updated one by one (through Hibernate, with their version check).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<IngestResult> write(List<Prepared> items, IngestPath via, Rep actor) {
        List<String> ids = items.stream().map(p -> p.input().externalId()).distinct().sorted().toList();
        lock(ids);
        Rep current = actor == null ? null : Rep.findById(actor.id); // this transaction's copy (callers may be on other threads)
        Map<String, Interaction> existing = new HashMap<>();
        Interaction.<Interaction>list("externalId in ?1", ids).forEach(i -> existing.put(i.externalId, i));
        List<Match> matches = identity.resolveAll(items.stream().map(p -> clues(p.input())).toList(), current);
        String model = embedder.modelName();
        List<IngestResult> results = new ArrayList<>(items.size());
        List<Written> written = new ArrayList<>();
        List<Interaction> fresh = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            Prepared item = items.get(n);
            ValidInteraction v = item.input();
            Interaction interaction = existing.get(v.externalId());
            if (interaction != null && interaction.contentHash.equals(v.contentHash()) && interaction.embeddingModel.equals(model)) {
                results.add(new IngestResult(item.index(), v.externalId(), IngestStatus.UNCHANGED, interaction.id, interaction.matchMethod, null));
                continue;
            }
            boolean created = interaction == null;
            boolean reembed = created || !v.sameText(interaction.subject, interaction.body) || !interaction.embeddingModel.equals(model);
            if (created) {
                interaction = new Interaction();
                interaction.externalId = v.externalId();
                interaction.ingestedVia = via;
            }
            apply(interaction, v, model);
            Match match = matches.get(n);
            if (match.matched() || interaction.matchMethod != MatchMethod.MANUAL) {
                link(interaction, match);
            }
            if (created) {
                fresh.add(interaction);
                existing.put(v.externalId(), interaction); // a repeat of the id later in the same batch is an update of this row
            }
            written.add(new Written(item, interaction, created, reembed));
        }
        em.flush(); // updates of stored rows (managed entities)
        insert(fresh);
        Map<Long, ChunkStore.Rows> rows = new LinkedHashMap<>(); // by interaction: a repeat of an id in the batch replaces its chunks
        for (Written w : written) {
            if (w.reembed()) {
                ValidInteraction v = w.item().input();
                List<String> texts = w.item().chunks() != null ? w.item().chunks() : chunker.chunks(v.subject(), v.body());
                List<float[]> vectors = w.item().vectors() != null ? w.item().vectors() : embedder.embedAll(texts);
                rows.put(w.interaction().id, new ChunkStore.Rows(w.interaction().id, linksOf(w.interaction()), texts, vectors));
            } else if (!rows.containsKey(w.interaction().id)) {
                chunks.updateLinks(w.interaction().id, linksOf(w.interaction()));
            }
        }
        chunks.replace(List.copyOf(rows.values()), model);
        outbox.publishAll(INGESTED, written.stream().map(w -> event(w.interaction(), w.created() ? "CREATED" : "UPDATED")).toList());
        for (Written w : written) {
            results.add(new IngestResult(w.item().index(), w.interaction().externalId, w.created() ? IngestStatus.CREATED : IngestStatus.UPDATED,
                    w.interaction().id, w.interaction().matchMethod, null));
        }
        results.sort(Comparator.comparingInt(IngestResult::index));
        return results;
    }

    /**
     * Inserts new interactions in one statement (rows as a JSON array, {@code jsonb_to_recordset})
     * and sets their generated ids. They are not managed by Hibernate afterwards: this transaction
     * only reads their ids, and later transactions load them from the table.
     */
    private void insert(List<Interaction> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Map<String, Object>> rows = new ArrayList<>(fresh.size());
        for (Interaction i : fresh) {
            i.createdAt = i.updatedAt = now;
            Map<String, Object> row = new HashMap<>();
            row.put("external_id", i.externalId);
            row.put("source", i.source);
            row.put("ingested_via", i.ingestedVia.name());
            row.put("channel", i.channel.name());
            row.put("direction", i.direction.name());
            row.put("occurred_at", i.occurredAt.toString());
            row.put("account_id", i.accountId);
            row.put("contact_id", i.contactId);
            row.put("deal_id", i.dealId);
            row.put("subject", i.subject);
            row.put("body", i.body);
            row.put("thread_id", i.threadId);
            row.put("from_email", i.fromEmail);
            row.put("from_name", i.fromName);
            row.put("to_emails", i.toEmails);
            row.put("company_name", i.companyName);
            row.put("match_method", i.matchMethod.name());
            row.put("match_detail", i.matchDetail);
            row.put("matched_at", i.matchedAt == null ? null : i.matchedAt.toString());
            row.put("content_hash", i.contentHash);
            row.put("embedding_model", i.embeddingModel);
            rows.add(row);
        }
        String payload;
        try {
            payload = json.writeValueAsString(rows);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("interaction rows not serialisable", e);
        }
        Map<String, Long> ids = new HashMap<>();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(INSERT)) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                ps.setString(2, payload);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
            }
        });
        for (Interaction i : fresh) {
            i.id = ids.get(i.externalId);
        }
    }

    private static final String COLUMNS = "external_id, source, ingested_via, channel, direction, occurred_at, account_id, contact_id, "
            + "deal_id, subject, body, thread_id, from_email, from_name, to_emails, company_name, match_method, match_detail, matched_at, "
            + "content_hash, embedding_model";
    private static final String INSERT = "insert into interaction (" + COLUMNS + ", created_at, updated_at, version) "
            + "select " + COLUMNS + ", t.now, t.now, 0 from (select cast(? as timestamptz) as now) t, jsonb_to_recordset(cast(? as jsonb)) "
            + "as r(external_id text, source text, ingested_via text, channel text, direction text, occurred_at timestamptz, "
            + "account_id bigint, contact_id bigint, deal_id bigint, subject text, body text, thread_id text, from_email text, "
            + "from_name text, to_emails text[], company_name text, match_method text, match_detail text, matched_at timestamptz, "
            + "content_hash text, embedding_model text) returning id, external_id";

    private record Written(Prepared item, Interaction interaction, boolean created, boolean reembed) {
    }

    private static IdentityResolver.Clues clues(ValidInteraction v) {
        return new IdentityResolver.Clues(v.accountId(), v.contactId(), v.dealId(), v.direction(), v.fromEmail(), v.toEmails(),
                v.companyName());
    }

    /** Sets the links found by identity resolution, with when and how. */
    public static void link(Interaction interaction, Match match) {
        interaction.accountId = match.accountId();
        interaction.contactId = match.contactId();
        interaction.dealId = match.dealId();
        interaction.matchMethod = match.method();
        interaction.matchDetail = match.detail();
        interaction.matchedAt = match.matched() ? Instant.now() : null;
    }

    public static ChunkStore.Links linksOf(Interaction i) {
        return new ChunkStore.Links(i.accountId, i.contactId, i.dealId, i.channel.name(), i.occurredAt);
    }

    /** The payload of interaction events (signal detectors read it). */
    public static Map<String, Object> event(Interaction i, String change) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("interactionId", i.id);
        event.put("externalId", i.externalId);
        event.put("change", change);
        event.put("channel", i.channel.name());
        event.put("direction", i.direction.name());
        event.put("occurredAt", i.occurredAt.toString());
        event.put("accountId", i.accountId);
        event.put("contactId", i.contactId);
        event.put("dealId", i.dealId);
        event.put("matchMethod", i.matchMethod.name());
        return event;
    }

    private static void apply(Interaction i, ValidInteraction v, String model) {
        i.source = v.source();
        i.channel = v.channel();
        i.direction = v.direction();
        i.occurredAt = v.occurredAt();
        i.subject = v.subject();
        i.body = v.body();
        i.threadId = v.threadId();
        i.fromEmail = v.fromEmail();
        i.fromName = v.fromName();
        i.toEmails = v.toEmails().toArray(String[]::new);
        i.companyName = v.companyName();
        i.contentHash = v.contentHash();
        i.embeddingModel = model;
    }

    /** In sorted order, so two batches with common ids cannot deadlock; one statement for the whole batch. */
    private void lock(List<String> sortedExternalIds) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(
                    "select count(pg_advisory_xact_lock(hashtextextended(x, 3))) from unnest(?) with ordinality as t(x, n)")) {
                ps.setArray(1, connection.createArrayOf("text", sortedExternalIds.toArray()));
                ps.executeQuery().close();
            }
        });
    }
}
