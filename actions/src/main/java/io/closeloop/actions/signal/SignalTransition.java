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
import java.time.Instant;

/** A signal turning on or off; the action drafted for it carries the dedupe key {@code signal:<id>}. */
@Entity
@Table(name = "signal_transition")
public class SignalTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "state_id", nullable = false)
    public Long stateId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalKind kind;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "deal_id", nullable = false)
    public long dealId;

    @Column(nullable = false)
    public boolean activated;

    @Column(nullable = false)
    public double score;

    /** What caused it: {@code interaction:<id>}, {@code outbox:<id>} or {@code stalled:<date>}. */
    @Column(name = "source_key", nullable = false)
    public String sourceKey;

    @Column(name = "event_at", nullable = false)
    public Instant eventAt;

    @Column(nullable = false)
    public Instant at;
}
