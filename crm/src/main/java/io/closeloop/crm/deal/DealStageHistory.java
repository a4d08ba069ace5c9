package io.closeloop.crm.deal;

import io.closeloop.crm.rep.Rep;
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
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One stage change of a deal. Append-only: the table refuses updates. */
@Entity
@Immutable
@Table(name = "deal_stage_history")
public class DealStageHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deal_id", nullable = false)
    public Deal deal;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public DealStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public DealStage toStage;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "changed_by_id")
    public Rep changedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StageChangeSource source;

    public static List<DealStageHistory> of(Deal deal) {
        return list("deal = ?1 order by changedAt, id", deal);
    }
}
