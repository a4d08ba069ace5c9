package io.closeloop.actions.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rep's judgement of one drafted action: accepted, edited (with the diff) or rejected (with the reason). */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_id", nullable = false, unique = true)
    public Long actionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackKind kind;

    @Column(name = "draft_text")
    public String draftText;

    @Column(name = "final_text")
    public String finalText;

    /** Levenshtein distance divided by the longer text's length: 0 unchanged, 1 rewritten. */
    @Column(name = "edit_distance")
    public Double editDistance;

    /** The fields that changed, each with its draft and final value (JSON array). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String changes = "[]";

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public RejectionReason reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    @Column(name = "by_id")
    public Long byId;

    @Column(nullable = false)
    public Instant at;

    public static Feedback ofAction(Long actionId) {
        return find("actionId", actionId).firstResult();
    }
}
