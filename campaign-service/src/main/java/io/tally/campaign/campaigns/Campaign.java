package io.tally.campaign.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.tally.campaign.codes.CodeSpan;
import io.tally.campaign.codes.TrackingCodeSpan;
import io.tally.campaign.programmes.Programme;
import io.tally.events.Channel;

/** A campaign row with its tracking codes (lower-case, with type and validity span); {@code version} is the event version. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", nullable = false)
    private Programme programme;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 32)
    private Channel channel;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tracking_code", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    private List<TrackingCodeSpan> trackingCodes = new ArrayList<>();

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "budget")
    private BigDecimal budget;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Campaign() {
    }

    /** A new, not yet persisted campaign at version 1 with the given code spans (their campaign id is ignored). */
    public static Campaign create(Programme programme, String name, Channel channel, List<CodeSpan> trackingCodes,
            Instant now) {
        Campaign c = new Campaign();
        c.programme = programme;
        c.name = name;
        c.channel = channel;
        trackingCodes.stream().map(TrackingCodeSpan::of).forEach(c.trackingCodes::add);
        c.version = 1;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Sets the campaign's dates and total budget (each may be null). */
    public void plan(LocalDate start, LocalDate end, BigDecimal total) {
        startDate = start;
        endDate = end;
        budget = total;
    }

    /** Replaces name, channel and code spans: the next version. */
    public void replace(String newName, Channel newChannel, List<CodeSpan> codes, Instant now) {
        name = newName;
        channel = newChannel;
        trackingCodes.clear();
        codes.stream().map(TrackingCodeSpan::of).forEach(trackingCodes::add);
        version++;
        updatedAt = now;
    }

    /** Replaces the spans of one code (a re-pointing), keeping the others and their order: the next version. */
    public void replaceSpansOf(String code, List<CodeSpan> spans, Instant now) {
        int at = 0;
        while (at < trackingCodes.size() && !trackingCodes.get(at).code().equals(code)) {
            at++;
        }
        trackingCodes.removeIf(row -> row.code().equals(code));
        trackingCodes.addAll(Math.min(at, trackingCodes.size()), spans.stream().map(TrackingCodeSpan::of).toList());
        version++;
        updatedAt = now;
    }

    /** Deletes the campaign softly: its codes are released; the next version says deleted. */
    public void delete(Instant now) {
        trackingCodes.clear();
        deletedAt = now;
        version++;
        updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** A new event version of the same state, e.g. after its programme changed (the event carries the programme). */
    public void republish(Instant now) {
        version++;
        updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Programme getProgramme() {
        return programme;
    }

    public String getName() {
        return name;
    }

    public Channel getChannel() {
        return channel;
    }

    /** The campaign's code spans, in request order (spans of one code by start). */
    public List<CodeSpan> getTrackingCodes() {
        return trackingCodes.stream().map(row -> row.toSpan(id)).toList();
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
