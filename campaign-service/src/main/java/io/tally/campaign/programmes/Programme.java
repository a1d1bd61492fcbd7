package io.tally.campaign.programmes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.tally.events.ModelSettings;

/**
 * A programme row: the plan (objective, dates, owner, status), the reporting frame its campaigns share (currency, time
 * zone, lookback) and the official attribution model finance reports under. {@code version} is the optimistic lock and
 * the API's ETag.
 */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    @GeneratedValue
    private UUID id;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "reporting_currency", nullable = false, length = 3)
    private String reportingCurrency;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "lookback_days", nullable = false)
    private int lookbackDays;

    @Column(name = "objective", length = 2000)
    private String objective;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "official_model", nullable = false, length = 32)
    private String officialModel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "official_model_parameters", nullable = false)
    private Map<String, String> officialModelParameters = new TreeMap<>();

    @Column(name = "pacing", nullable = false, length = 16)
    private String pacing;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "weekday_weights", nullable = false)
    private Map<String, String> weekdayWeights = new TreeMap<>();

    /** The programme's {@link ModelSettings} as JSON (the event's form). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "model_settings", nullable = false)
    private String modelSettings = "{}";

    @Column(name = "owner", length = 200)
    private String owner;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Programme() {
    }

    /** A new, not yet persisted programme with the given settings. */
    public static Programme create(ProgrammeSettings settings, Instant now) {
        Programme p = new Programme();
        p.createdAt = now;
        p.replace(settings, now);
        return p;
    }

    /** Replaces every setting (a {@code PUT}); the version moves on at flush. */
    public void replace(ProgrammeSettings settings, Instant now) {
        name = settings.name();
        objective = settings.objective();
        startDate = settings.startDate();
        endDate = settings.endDate();
        reportingCurrency = settings.reportingCurrency();
        timeZone = settings.timeZone();
        lookbackDays = settings.lookbackDays();
        officialModel = settings.officialModel();
        officialModelParameters = new TreeMap<>(settings.officialModelParameters());
        owner = settings.owner();
        pacing = settings.pacing();
        weekdayWeights = new TreeMap<>(settings.weekdayWeights());
        modelSettings = settings.modelSettings().toJson();
        status = settings.status().wireName();
        updatedAt = now;
    }

    /** The current settings. */
    public ProgrammeSettings settings() {
        return new ProgrammeSettings(name, objective, startDate, endDate, reportingCurrency, timeZone, lookbackDays,
                officialModel, officialModelParameters, owner, getStatus(), pacing, weekdayWeights,
                ModelSettings.fromJson(modelSettings));
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getReportingCurrency() {
        return reportingCurrency;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public int getLookbackDays() {
        return lookbackDays;
    }

    public ProgrammeStatus getStatus() {
        return ProgrammeStatus.fromWireName(status).orElseThrow();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
