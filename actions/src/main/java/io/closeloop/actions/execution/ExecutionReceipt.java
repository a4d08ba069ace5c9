package io.closeloop.actions.execution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The record that an action's effect was started or done, keyed by its idempotency key. */
@Entity
@Table(name = "action_execution")
public class ExecutionReceipt extends PanacheEntityBase {

    public static final String STARTED = "STARTED";
    public static final String DONE = "DONE";

    @Id
    @Column(name = "idempotency_key")
    public UUID idempotencyKey;

    @Column(name = "action_id", nullable = false)
    public Long actionId;

    @Column(nullable = false)
    public String adapter;

    @Column(nullable = false)
    public String state;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "done_at")
    public Instant doneAt;
}
