package io.closeloop.router.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which classifier version serves ({@code intent_champion}) and the thresholds stored with every
 * version ({@code intent_threshold}). The champion row is read on every request (a primary-key
 * lookup), so a promotion on one replica is served by all; thresholds are cached per version
 * because a stored version's thresholds never change.
 */
@ApplicationScoped
public class ServingModels {

    private final EntityManager entityManager;
    private final AtomicReference<ServingModel> cached = new AtomicReference<>();

    public ServingModels(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The serving model of {@code name}, if one was ever promoted. */
    @Transactional
    public Optional<ServingModel> current(String name) {
        List<?> rows = entityManager.createNativeQuery("select model_version from intent_champion where model_name = ?1")
                .setParameter(1, name).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int version = ((Number) rows.get(0)).intValue();
        ServingModel known = cached.get();
        if (known != null && known.name().equals(name) && known.version() == version) {
            return Optional.of(known);
        }
        ServingModel loaded = new ServingModel(name, version, thresholds(name, version));
        cached.set(loaded);
        return Optional.of(loaded);
    }

    /** The thresholds stored with a version (empty when none were computed). */
    @Transactional
    public List<IntentThreshold> thresholds(String name, int version) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select intent, threshold, target_precision, achieved_precision, coverage, answered, predicted, support
                from intent_threshold where model_name = ?1 and model_version = ?2 order by intent""", Object[].class)
                .setParameter(1, name).setParameter(2, version).getResultList();
        return rows.stream().map(r -> new IntentThreshold((String) r[0], ((Number) r[1]).doubleValue(), ((Number) r[2]).doubleValue(),
                ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue())).toList();
    }

    /** Stores the thresholds of a version (replacing any computed before). */
    @Transactional
    public void storeThresholds(String name, int version, List<IntentThreshold> thresholds) {
        entityManager.createNativeQuery("delete from intent_threshold where model_name = ?1 and model_version = ?2")
                .setParameter(1, name).setParameter(2, version).executeUpdate();
        for (IntentThreshold t : thresholds) {
            entityManager.createNativeQuery("""
                    insert into intent_threshold (model_name, model_version, intent, threshold, target_precision, achieved_precision,
                        coverage, answered, predicted, support) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                    .setParameter(1, name).setParameter(2, version).setParameter(3, t.intent()).setParameter(4, t.threshold())
                    .setParameter(5, t.targetPrecision()).setParameter(6, t.achievedPrecision()).setParameter(7, t.coverage())
                    .setParameter(8, t.answered()).setParameter(9, t.predicted()).setParameter(10, t.support()).executeUpdate();
        }
    }

    /** Makes {@code version} the serving version of {@code name}. */
    @Transactional
    public void promote(String name, int version) {
        entityManager.createNativeQuery("""
                insert into intent_champion (model_name, model_version) values (?1, ?2)
                on conflict (model_name) do update set model_version = excluded.model_version, promoted_at = now()""")
                .setParameter(1, name).setParameter(2, version).executeUpdate();
    }
}
