package io.closeloop.vectorstore.erasure;

import io.closeloop.crm.erasure.ErasureHook;
import io.closeloop.crm.erasure.ErasureSubject;
import io.closeloop.crm.erasure.Redaction;
import io.closeloop.vectorstore.embedding.TextEmbedder;
import com.pgvector.PGvector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Erasure in the vector store: the subject's interactions go with their chunks and embeddings
 * (linked by contact or account, or sent from or to the person's address); other interactions
 * that mention the person have the mention redacted in the text, the chunk text and so the
 * full-text index, and the redacted chunks are embedded again (the old vector was made from the
 * text with the mention, and an embedding can give away what it was made from). Retention deletes
 * interactions that occurred before the cutoff.
 */
@ApplicationScoped
public class VectorStoreErasureHook implements ErasureHook {

    private final EntityManager em;
    private final TextEmbedder embedder;

    public VectorStoreErasureHook(EntityManager em, TextEmbedder embedder) {
        this.em = em;
        this.embedder = embedder;
    }

    @Override
    public String part() {
        return "vector-store";
    }

    @Override
    public Map<String, Long> erase(ErasureSubject subject) {
        Long[] contacts = subject.contactIds().toArray(Long[]::new);
        String[] emails = subject.terms().stream().filter(t -> t.contains("@")).map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        long account = subject.kind() == ErasureSubject.Kind.ACCOUNT ? subject.id() : -1L;
        long chunks = ((Number) em.createNativeQuery("""
                select count(*) from interaction_chunk c join interaction i on i.id = c.interaction_id
                where i.contact_id = any (?1) or i.account_id = ?2 or lower(i.from_email) = any (?3)
                   or exists (select 1 from unnest(i.to_emails) t where lower(t) = any (?3))""")
                .setParameter(1, contacts).setParameter(2, account).setParameter(3, emails).getSingleResult()).longValue();
        long deleted = em.createNativeQuery("""
                delete from interaction i
                where i.contact_id = any (?1) or i.account_id = ?2 or lower(i.from_email) = any (?3)
                   or exists (select 1 from unnest(i.to_emails) t where lower(t) = any (?3))""")
                .setParameter(1, contacts).setParameter(2, account).setParameter(3, emails).executeUpdate();
        return Map.of("interactions.deleted", (long) deleted, "chunks.deleted", chunks,
                "interactions.redacted", redactMentions(subject.terms()));
    }

    @SuppressWarnings("unchecked")
    private long redactMentions(List<String> terms) {
        if (terms.isEmpty()) {
            return 0;
        }
        String[] patterns = terms.stream().map(Redaction::containsPattern).toArray(String[]::new);
        List<Object[]> rows = em.createNativeQuery("""
                select id, subject, body, from_name from interaction
                where body ilike any (?1) or subject ilike any (?1) or from_name ilike any (?1)""")
                .setParameter(1, patterns).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            em.createNativeQuery("update interaction set subject = ?2, body = ?3, from_name = ?4, updated_at = now() where id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, Redaction.redact((String) row[1], terms))
                    .setParameter(3, Redaction.redact((String) row[2], terms))
                    .setParameter(4, Redaction.redact((String) row[3], terms))
                    .executeUpdate();
            List<Object[]> chunks = em.createNativeQuery("select id, content from interaction_chunk where interaction_id = ?1")
                    .setParameter(1, id).getResultList();
            List<String> redacted = chunks.stream().map(chunk -> Redaction.redact((String) chunk[1], terms)).toList();
            List<float[]> vectors = embedder.embedAll(redacted);
            for (int i = 0; i < chunks.size(); i++) {
                em.createNativeQuery("update interaction_chunk set content = ?2, embedding = cast(?3 as vector), embedding_model = ?4 where id = ?1")
                        .setParameter(1, ((Number) chunks.get(i)[0]).longValue())
                        .setParameter(2, redacted.get(i))
                        .setParameter(3, new PGvector(vectors.get(i)).getValue())
                        .setParameter(4, embedder.modelName())
                        .executeUpdate();
            }
        }
        return rows.size();
    }

    @Override
    public Map<String, Long> purgeBefore(Instant cutoff) {
        int deleted = em.createNativeQuery("delete from interaction where occurred_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
        return Map.of("interactions.deleted", (long) deleted);
    }
}
