package io.closeloop.vectorstore.interaction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One email, call, meeting, chat or note with a customer. Its text lives in chunks with
 * embeddings ({@code interaction_chunk}, written by {@code ChunkStore}). CRM links are plain ids:
 * the vector store reads the CRM, it never changes it.
 */
@Entity
@Table(name = "interaction")
public class Interaction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id", nullable = false, unique = true)
    public String externalId;

    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(name = "ingested_via", nullable = false)
    public IngestPath ingestedVia;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "contact_id")
    public Long contactId;

    @Column(name = "deal_id")
    public Long dealId;

    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "thread_id")
    public String threadId;

    @Column(name = "from_email")
    public String fromEmail;

    @Column(name = "from_name")
    public String fromName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "to_emails", nullable = false)
    public String[] toEmails = new String[0];

    @Column(name = "company_name")
    public String companyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_method", nullable = false)
    public MatchMethod matchMethod = MatchMethod.UNMATCHED;

    @Column(name = "match_detail")
    public String matchDetail;

    @Column(name = "matched_at")
    public Instant matchedAt;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "embedding_model", nullable = false)
    public String embeddingModel;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public boolean isUnmatched() {
        return matchMethod == MatchMethod.UNMATCHED;
    }

    public static Optional<Interaction> byExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    @PrePersist
    void onCreate() {
        createdAt = updatedAt = Instant.now();
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
