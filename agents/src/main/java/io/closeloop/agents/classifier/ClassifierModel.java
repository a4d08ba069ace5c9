package io.closeloop.agents.classifier;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;

/** A stored classifier version: the Tribuo model bytes, its calibration and its validation metrics. */
@Entity
@Table(name = "classifier_model")
public class ClassifierModel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public String name;

    @Column(nullable = false, updatable = false)
    public int version;

    @Column(nullable = false, updatable = false)
    public String trainer;

    @Column(name = "embedding_model", nullable = false, updatable = false)
    public String embeddingModel;

    @Column(nullable = false, updatable = false)
    public String[] labels;

    @Column(nullable = false, updatable = false)
    public double temperature;

    @Column(name = "training_examples", nullable = false, updatable = false)
    public int trainingExamples;

    @Column(name = "validation_examples", nullable = false, updatable = false)
    public int validationExamples;

    @Column(name = "data_sha256", nullable = false, updatable = false)
    public String dataSha256;

    /** The validation {@link EvaluationReport} as JSON. */
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String metrics;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    public byte[] model;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false, insertable = false)
    public OffsetDateTime createdAt;

    public ModelInfo info() {
        return new ModelInfo(id, name, version, trainer, embeddingModel, List.of(labels), temperature, trainingExamples,
                validationExamples, dataSha256, createdBy, createdAt);
    }
}
