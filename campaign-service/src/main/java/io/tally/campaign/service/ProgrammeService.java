package io.tally.campaign.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.domain.ProgrammeRules;
import io.tally.campaign.repository.Programme;
import io.tally.campaign.repository.ProgrammeRepository;
import io.tally.campaign.rest.ProgrammePage;
import io.tally.campaign.rest.ProgrammeRequest;
import io.tally.campaign.rest.ProgrammeResponse;
import io.tally.support.problem.ProblemException;

/** Creates and finds programmes. */
@ApplicationScoped
public class ProgrammeService {

    @Inject
    ProgrammeRepository programmes;

    @Inject
    CampaignConfig config;

    /** Creates a programme from a validated request; the lookback defaults to 30 days. */
    @Transactional
    public ProgrammeResponse createProgramme(ProgrammeRequest request) {
        Programme programme = Programme.create(request.name().strip(), request.reportingCurrency(),
                ZoneId.of(request.timeZone()).getId(), ProgrammeRules.lookbackOrDefault(request.lookbackDays()),
                now());
        programmes.persist(programme);
        return toResponse(programme);
    }

    /** The programme, or a 404 problem. */
    @Transactional
    public ProgrammeResponse findProgramme(UUID id) {
        return toResponse(require(id));
    }

    /** One page of programmes, oldest first; {@code size} is capped to {@code tally.api.max-page-size}. */
    @Transactional
    public ProgrammePage findProgrammes(int page, int size) {
        int capped = Math.min(size, config.api().maxPageSize());
        var items = programmes.findAll(Sort.by("createdAt").and("id")).page(Page.of(page, capped)).list().stream()
                .map(ProgrammeService::toResponse).toList();
        return new ProgrammePage(items, page, capped, programmes.count());
    }

    /** The programme entity, or a 404 problem; for use inside a service transaction. */
    Programme require(UUID id) {
        return programmes.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("programme " + id));
    }

    /** Timestamps at the precision PostgreSQL keeps, so what a POST answers equals what a later GET reads. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProgrammeResponse toResponse(Programme p) {
        return new ProgrammeResponse(p.getId(), p.getName(), p.getReportingCurrency(), p.getTimeZone(),
                p.getLookbackDays(), p.getCreatedAt());
    }
}
