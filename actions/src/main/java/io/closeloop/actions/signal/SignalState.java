package io.closeloop.actions.signal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The current state of one signal for one account ({@code dealId} 0) or one deal. */
@Entity
@Table(name = "signal_state")
public class SignalState extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "deal_id", nullable = false)
    public long dealId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalKind kind;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_source")
    public String lastSource;

    @Version
    public int version;
}
