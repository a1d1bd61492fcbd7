package io.tally.attribution.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A programme as attribution knows it from {@code CampaignChanged}. */
@Entity
@Table(name = "programme")
public class ProgrammeEntity {

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
    @Column(name = "updated_at")
    public Instant updatedAt;
}
