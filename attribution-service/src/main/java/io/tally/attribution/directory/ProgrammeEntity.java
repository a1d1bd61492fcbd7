package io.tally.attribution.directory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.tally.events.ModelSettings;

/** A programme as attribution knows it from {@code CampaignChanged}. */
@Entity
@Table(name = "programme")
public class ProgrammeEntity {

    /** Parsed settings by their JSON: a deployment has few distinct ones, and journeys read them per touch. */
    private static final Map<String, ModelSettings> PARSED = new ConcurrentHashMap<>();

    @Id
    @Column(name = "programme_id")
    public UUID id;
    public String name;
    @Column(name = "reporting_currency")
    public String reportingCurrency;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "lookback_days")
    public int lookbackDays;
    @Column(name = "official_model")
    public String officialModel;
    /** The programme's {@link ModelSettings} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "model_settings")
    public String modelSettingsJson = "{}";
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** How the programme's conversions are credited where it departs from the deployment. */
    public ModelSettings modelSettings() {
        return PARSED.computeIfAbsent(modelSettingsJson, ModelSettings::fromJson);
    }

    public void modelSettings(ModelSettings settings) {
        modelSettingsJson = settings.toJson();
    }
}
