package io.closeloop.agents.classifier;

import io.closeloop.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned classifiers in the database. Each save of a name becomes its next version
 * (serialised per name with a transaction-scoped advisory lock); loaded models are kept in memory
 * by id, which is safe because stored versions never change.
 */
@ApplicationScoped
public class ClassifierRegistry {

    private final EntityManager entityManager;
    private final Map<Long, EmbeddingClassifier> loaded = new ConcurrentHashMap<>();

    public ClassifierRegistry(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a new version of {@code model.name}; the version number is assigned here. */
    @Transactional
    public ModelInfo save(ClassifierModel model) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('classifier_model:' || ?1))")
                .setParameter(1, model.name).getSingleResult();
        Integer latest = entityManager.createQuery("select max(m.version) from ClassifierModel m where m.name = ?1", Integer.class)
                .setParameter(1, model.name).getSingleResult();
        model.version = latest == null ? 1 : latest + 1;
        model.persist();
        entityManager.flush();
        entityManager.refresh(model);
        return model.info();
    }

    /** The given version of a classifier, or its latest when {@code version} is null; 404 problem when missing. */
    @Transactional
    public ModelInfo find(String name, Integer version) {
        return entity(name, version).info();
    }

    /** The serving form of a stored version (latest when {@code version} is null). */
    @Transactional
    public Loaded load(String name, Integer version) {
        ClassifierModel model = entity(name, version);
        EmbeddingClassifier classifier = loaded.computeIfAbsent(model.id,
                id -> EmbeddingClassifier.fromBytes(model.model, model.temperature));
        return new Loaded(model.info(), classifier);
    }

    /** A stored version with its serving form. */
    public record Loaded(ModelInfo info, EmbeddingClassifier classifier) {
    }

    /** The validation report stored with a version, as JSON. */
    @Transactional
    public String metrics(String name, Integer version) {
        return entity(name, version).metrics;
    }

    @Transactional
    public List<ModelInfo> versions(String name) {
        return ClassifierModel.<ClassifierModel>find("name = ?1 order by version desc", name).list().stream()
                .map(ClassifierModel::info).toList();
    }

    /** The latest version of every classifier, by name. */
    @Transactional
    public List<ModelInfo> latest() {
        return entityManager.createQuery("select m from ClassifierModel m where m.version ="
                + " (select max(o.version) from ClassifierModel o where o.name = m.name) order by m.name", ClassifierModel.class)
                .getResultList().stream().map(ClassifierModel::info).toList();
    }

    private ClassifierModel entity(String name, Integer version) {
        ClassifierModel model = version == null
                ? ClassifierModel.<ClassifierModel>find("name = ?1 order by version desc", name).firstResult()
                : ClassifierModel.<ClassifierModel>find("name = ?1 and version = ?2", name, version).firstResult();
        if (model == null) {
            throw ProblemException.notFound("Classifier", version == null ? name : name + " v" + version);
        }
        return model;
    }
}
