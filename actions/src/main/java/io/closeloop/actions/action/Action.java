package io.closeloop.actions.action;

import io.closeloop.crm.account.Account;
import io.closeloop.crm.contact.Contact;
import io.closeloop.crm.deal.Deal;
import io.closeloop.crm.rep.Rep;
import io.closeloop.crm.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A drafted action in a rep's (or a team's) queue. PostgreSQL is its source of truth; its status
 * changes only through {@link ActionLifecycle}, which records every transition.
 */
@Entity
@Table(name = "action")
public class Action extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus status = ActionStatus.DRAFTED;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    public Contact contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "deal_id")
    public Deal deal;

    /** The rep whose queue holds it; null while it waits in the team queue. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    public Rep owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    public Team team;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> recipients = new ArrayList<>();

    public String subject;
    public String body;

    @Column(name = "draft_subject")
    public String draftSubject;

    @Column(name = "draft_body")
    public String draftBody;

    @Column(name = "field_name")
    public String fieldName;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionOrigin origin;

    @Column(name = "origin_ref")
    public String originRef;

    @Column(nullable = false)
    public String agent;

    @Column(nullable = false)
    public String route;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_interaction_ids", nullable = false, columnDefinition = "bigint[]")
    public List<Long> evidenceInteractionIds = new ArrayList<>();

    @Column(name = "guardrail_verdict", nullable = false)
    public String guardrailVerdict;

    @Column(name = "guardrail_verdict_id")
    public Long guardrailVerdictId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "guardrail_rules", nullable = false, columnDefinition = "text[]")
    public List<String> guardrailRules = new ArrayList<>();

    @Column(name = "dedupe_key", unique = true)
    public String dedupeKey;

    /** Carried by every execution of this action, so a retry never applies its effect twice. */
    @Column(name = "idempotency_key", nullable = false, unique = true)
    public UUID idempotencyKey = UUID.randomUUID();

    @Column(name = "trace_id")
    public String traceId;

    @Column(name = "event_at")
    public Instant eventAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "decided_by_id")
    public Rep decidedBy;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "executed_at")
    public Instant executedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "external_ref")
    public String externalRef;

    @Version
    public int version;

    /** The text a rep judges: subject and body for messages, the change for field updates. */
    public String text() {
        if (type == ActionType.CRM_FIELD_UPDATE) {
            return fieldName + ": " + oldValue + " -> " + newValue;
        }
        return (subject == null ? "" : subject + "\n\n") + (body == null ? "" : body);
    }

    public String draftText() {
        if (type == ActionType.CRM_FIELD_UPDATE) {
            return text();
        }
        return (draftSubject == null ? "" : draftSubject + "\n\n") + (draftBody == null ? "" : draftBody);
    }
}
