package io.closeloop.actions.action;

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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded transition of an action: who, when, the state before and after. Append-only. */
@Entity
@Table(name = "action_event")
public class ActionEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_id", nullable = false)
    public Long actionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ActionStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ActionStatus toStatus;

    /** The rep who made the change; null when the system did (executor, expiry, signals). */
    @Column(name = "actor_id")
    public Long actorId;

    @Column(nullable = false)
    public Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String after;

    public String note;

    public static List<ActionEvent> of(Long actionId) {
        return list("actionId = ?1 order by id", actionId);
    }
}
