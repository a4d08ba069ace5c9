package io.closeloop.guardrails.verdict;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stored verdict: what was checked, the outcome, which rules fired and the trace it belongs to. */
@Entity
@Table(name = "guardrail_verdict")
public class GuardrailVerdict extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_kind", nullable = false)
    public String subjectKind;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "rep_id")
    public Long repId;

    @Column(name = "account_id")
    public Long accountId;

    @Column(nullable = false)
    public String verdict;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rule_ids", nullable = false)
    public String[] ruleIds = new String[0];

    /** The fired rules with their findings, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String details = "[]";

    @Column(name = "trace_id")
    public String traceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
