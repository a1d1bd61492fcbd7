package io.tally.attribution.training;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Trained model versions. */
@ApplicationScoped
public class ModelVersionRepository implements PanacheRepositoryBase<ModelVersionEntity, String> {

    /** The newest version of a model, if it was ever trained. */
    public Optional<ModelVersionEntity> latest(String model) {
        return find("model = ?1 ORDER BY trainedAt DESC, version DESC", model).firstResultOptional();
    }

    /** The newest version of a model trained with these parameters (e.g. {@code order2}). */
    public Optional<ModelVersionEntity> latest(String model, String parameters) {
        return find("model = ?1 AND parameters = ?2 ORDER BY trainedAt DESC, version DESC", model, parameters)
                .firstResultOptional();
    }

    /** Every version of a model, newest first. */
    public List<ModelVersionEntity> versions(String model) {
        return list("model = ?1 ORDER BY trainedAt DESC, version DESC", model);
    }

    /**
     * The versions of a model whose credits fall on conversions of the UTC days {@code from..to}, newest first (one
     * scan of the ledger rows in the range, found by the BRIN index on their conversion instant).
     */
    @SuppressWarnings("unchecked")
    public List<ModelVersionEntity> creditingIn(String model, LocalDate from, LocalDate to) {
        List<String> names = getEntityManager().createNativeQuery("SELECT DISTINCT model_version FROM credit"
                + " WHERE model = ?1 AND conversion_at >= ?2 AND conversion_at < ?3 AND model_version IS NOT NULL")
                .setParameter(1, model)
                .setParameter(2, from.atStartOfDay(ZoneOffset.UTC).toInstant())
                .setParameter(3, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .getResultList();
        return names.isEmpty() ? List.of() : list("version IN ?1 ORDER BY trainedAt DESC, version DESC", names);
    }

    /** Saves a version; training the same data again only makes the existing version the newest. */
    public void save(ModelVersionEntity version) {
        ModelVersionEntity existing = findById(version.version);
        if (existing != null) {
            existing.trainedAt = version.trainedAt;
        } else {
            persist(version);
        }
    }
}
