package io.closeloop.crm.erasure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** That an erasure or a retention purge happened, by whom and how much; never who was erased by name. */
@Entity
@Table(name = "erasure_record")
public class ErasureRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subject_kind", nullable = false)
    public String subjectKind;

    @Column(name = "subject_id")
    public Long subjectId;

    @Column(name = "requested_by")
    public Long requestedBy;

    public String reason;

    /** JSON object of counts by part and kind, e.g. {@code {"crm.contacts.deleted":1}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String counts;

    @Column(name = "erased_at", nullable = false)
    public Instant erasedAt;
}
