package io.tally.campaign.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A programme row: the reporting frame (currency, time zone, lookback) its campaigns share. */
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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Programme() {
    }

    /** A new, not yet persisted programme. */
    public static Programme create(String name, String reportingCurrency, String timeZone, int lookbackDays,
            Instant now) {
        Programme p = new Programme();
        p.name = name;
        p.reportingCurrency = reportingCurrency;
        p.timeZone = timeZone;
        p.lookbackDays = lookbackDays;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
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
