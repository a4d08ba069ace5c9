package io.closeloop.agents.llm;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One HTTP call to an LLM (each retry and tool round is its own row). Holds no prompt text. */
@Entity
@Table(name = "llm_call")
public class LlmCall extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String agent;

    @Column(nullable = false)
    public String model;

    @Column(name = "provider_host", nullable = false)
    public String providerHost;

    /** {@code OK} or {@code ERROR}. */
    @Column(nullable = false)
    public String outcome;

    public String error;

    @Column(name = "tokens_in")
    public Integer tokensIn;

    @Column(name = "tokens_out")
    public Integer tokensOut;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    public BigDecimal cost;

    @Column(name = "trace_id")
    public String traceId;

    @Column(name = "prompt_sha256", nullable = false)
    public String promptSha256;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tools_offered", nullable = false)
    public String[] toolsOffered = new String[0];

    /** Redaction counts by kind ({@code {"EMAIL": 2, "PERSON": 3}}), never values. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Integer> redactions = Map.of();

    @Column(name = "rep_id")
    public Long repId;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }
}
