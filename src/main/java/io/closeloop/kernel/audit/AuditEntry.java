package io.closeloop.kernel.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit log: who did what to which target, with what outcome, in which trace. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    public String actor;

    @Column(nullable = false)
    public String action;

    public String target;

    @Column(nullable = false)
    public String outcome;

    public String detail;

    @Column(name = "trace_id")
    public String traceId;
}
