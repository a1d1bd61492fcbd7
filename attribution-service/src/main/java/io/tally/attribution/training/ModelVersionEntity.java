package io.tally.attribution.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trained version of a data-driven model (table {@code model_version}). */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity {

    @Id
    public String version;
    public String model;
    public String parameters;
    @Column(name = "window_from")
    public LocalDate windowFrom;
    @Column(name = "window_to")
    public LocalDate windowTo;
    @Column(name = "lookback_days")
    public int lookbackDays;
    @Column(name = "data_hash")
    public String dataHash;
    public BigDecimal journeys;
    public BigDecimal conversions;
    /** JSON object: channel → weight (decimal string). */
    public String weights;
    /** JSON object: the fit's other figures. */
    public String details;
    @Column(name = "trained_at")
    public Instant trainedAt;
}
