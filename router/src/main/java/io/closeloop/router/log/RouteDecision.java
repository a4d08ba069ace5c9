package io.closeloop.router.log;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One routing decision: what was asked, how it was classified, by which model version, where it
 * was sent and why, how long routing took, and (once answered) who answered, at what LLM cost,
 * in which trace.
 */
@Entity
@Table(name = "route_decision")
public class RouteDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "rep_id")
    public Long repId;

    @Column(name = "team_id")
    public Long teamId;

    public String message;

    public String intent;

    public double confidence;

    @Column(name = "model_name")
    public String modelName;

    @Column(name = "model_version")
    public int modelVersion;

    public Double threshold;

    public String route;

    public String reason;

    @Column(name = "agent_intent")
    public String agentIntent;

    @Column(name = "answer_mode")
    public String answerMode;

    @Column(name = "routing_micros")
    public long routingMicros;

    @Column(name = "total_ms")
    public Integer totalMs;

    @Column(name = "llm_tokens")
    public Integer llmTokens;

    @Column(name = "llm_cost")
    public BigDecimal llmCost;

    @Column(name = "trace_id")
    public String traceId;
}
