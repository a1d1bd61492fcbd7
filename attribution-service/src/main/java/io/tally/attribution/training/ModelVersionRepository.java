package io.tally.attribution.training;

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
