package io.closeloop.router.learn;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A labelled example produced by feedback on a routed message; at most one per decision. */
@Entity
@Table(name = "intent_candidate")
public class IntentCandidate extends PanacheEntityBase {

    /** Where the label came from. */
    public enum Source {
        /** the rep said "that's not what I asked" and named the right intent */
        CORRECTION,
        /** the answer or its action was accepted: the routed intent was right */
        ACCEPTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "decision_id")
    public long decisionId;

    public String text;

    public String label;

    public String source;

    @Column(name = "rep_id")
    public Long repId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
