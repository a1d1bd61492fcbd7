package io.tally.campaign.programmes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Listing;
import io.tally.campaign.api.ModelSettingsBody;
import io.tally.campaign.api.ProgrammePage;
import io.tally.campaign.api.ProgrammeRequest;
import io.tally.campaign.api.ProgrammeResponse;
import io.tally.campaign.audit.AuditTrail;
import io.tally.campaign.campaigns.CampaignPublisher;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.pacing.PacingCurves;
import io.tally.events.AttributionModels;
import io.tally.events.ModelSettings;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;
import io.tally.support.etag.ETags;
import io.tally.support.problem.ProblemException;

/**
 * Creates, finds and replaces programmes. A replace is conditional on the version the client read (ETag); every
 * change is in the audit trail; a change of what campaigns carry of their programme (name, currency, time zone,
 * lookback) republishes the programme's campaigns.
 */
@ApplicationScoped
public class ProgrammeService {

    /** The audit trail's name for programmes. */
    static final String RESOURCE = "programme";
    /** What {@code sort} accepts, by API name. */
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "name", "lower(name)",
            "startDate",
            "startDate", "status", "status");

    @Inject
    ProgrammeRepository programmes;
    @Inject
    CampaignPublisher publisher;
    @Inject
    AuditTrail audit;
    @Inject
    CampaignConfig config;

    /** Creates a programme from a validated request. */
    @Transactional
    public ProgrammeResponse createProgramme(ProgrammeRequest request) {
        ProgrammeSettings settings = settings(request);
        Instant now = now();
        Programme programme = Programme.create(settings, now);
        programmes.persistAndFlush(programme);
        ProgrammeResponse created = toResponse(programme);
        audit.record(RESOURCE, programme.getId(), programme.getVersion(), null, created, now);
        return created;
    }

    /**
     * Replaces every setting of the programme, if {@code ifMatch} names its current version; a closed programme stays
     * closed (409).
     */
    @Transactional
    public ProgrammeResponse replaceProgramme(UUID id, String ifMatch, ProgrammeRequest request) {
        Programme programme = programmes.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("programme " + id));
        ETags.requireMatch(ifMatch, programme.getVersion(), "programme " + id);
        ProgrammeSettings next = settings(request);
        programme.getStatus().transitionProblem(next.status()).ifPresent(p -> {
            throw ProblemException.conflict(p);
        });
        ProgrammeResponse before = toResponse(programme);
        boolean campaignsCarryIt = !carriedByCampaigns(programme.settings()).equals(carriedByCampaigns(next));
        Instant now = now();
        programme.replace(next, now);
        programmes.flush();
        ProgrammeResponse after = toResponse(programme);
        audit.record(RESOURCE, id, programme.getVersion(), before, after, now);
        if (campaignsCarryIt) {
            publisher.republishProgramme(programme, now);
        }
        return after;
    }

    /** The programme, or a 404 problem. */
    @Transactional
    public ProgrammeResponse findProgramme(UUID id) {
        return toResponse(require(id));
    }

    /**
     * One page of programmes, filtered by status and a name fragment (case-insensitive), sorted by {@code sort}
     * ({@code createdAt}, {@code name}, {@code startDate}, {@code status}; {@code -} first for descending; ties by
     * id); {@code size} is capped to {@code tally.api.max-page-size}.
     */
    @Transactional
    public ProgrammePage findProgrammes(int page, int size, String status, String nameContains, String sort) {
        int capped = Math.min(size, config.api().maxPageSize());
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            ProgrammeRules.statusProblem(status).ifPresent(p -> {
                throw ProblemException.invalid("status", p);
            });
            where.add("status = :status");
            parameters.put("status", status);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            where.add("lower(name) like :name");
            parameters.put("name", Listing.containing(nameContains));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + Listing.orderBy(sort, SORTABLE);
        var found = programmes.find(query, parameters);
        var items = found.page(Page.of(page, capped)).list().stream().map(ProgrammeService::toResponse).toList();
        return new ProgrammePage(items, page, capped, found.count());
    }

    /** One page of the programme's audit trail, newest first. */
    public HistoryPage history(UUID id, int page, int size) {
        findProgramme(id);
        return audit.history(RESOURCE, id, page, size);
    }

    /** The programme entity, or a 404 problem; for use inside a service transaction. */
    public Programme require(UUID id) {
        return programmes.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("programme " + id));
    }

    /** Timestamps at the precision PostgreSQL keeps, so what a POST answers equals what a later GET reads. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The settings of a validated request, defaults applied; dates that do not form a range are a 400. */
    private static ProgrammeSettings settings(ProgrammeRequest r) {
        ProgrammeRules.datesProblem(r.startDate(), r.endDate()).ifPresent(p -> {
            throw ProblemException.invalid(List.of(new Violation("endDate", p)));
        });
        List<PacingCurves.Problem> pacing = PacingCurves.problems(r.pacing(), r.weekdayWeights());
        if (!pacing.isEmpty()) {
            throw ProblemException.invalid(pacing.stream().map(p -> new Violation(p.field(), p.reason())).toList());
        }
        Map<String, String> weights = new TreeMap<>();
        if (r.weekdayWeights() != null) {
            r.weekdayWeights().forEach((day, weight) -> weights.put(day.strip().toLowerCase(Locale.ROOT),
                    new BigDecimal(weight.strip()).toPlainString()));
        }
        return new ProgrammeSettings(r.name().strip(), blankToNull(r.objective()), r.startDate(), r.endDate(),
                r.reportingCurrency(), ZoneId.of(r.timeZone()).getId(), ProgrammeRules.lookbackOrDefault(
                        r.lookbackDays()),
                Objects.requireNonNullElse(r.officialModel(), AttributionModels.DEFAULT_OFFICIAL),
                r.officialModelParameters() == null ? Map.of() : r.officialModelParameters(),
                blankToNull(r.owner()),
                r.status() == null ? ProgrammeStatus.DRAFT : ProgrammeStatus.fromWireName(r.status()).orElseThrow(),
                Objects.requireNonNullElse(r.pacing(), "linear"), weights, modelSettings(r.modelSettings()));
    }

    /**
     * The request's model settings, validated and in one spelling; absent is {@link ModelSettings#NONE}. A problem is a
     * 400 naming {@code modelSettings.<part>}.
     */
    static ModelSettings modelSettings(ModelSettingsBody body) {
        if (body == null) {
            return ModelSettings.NONE;
        }
        Violations v = new Violations();
        Map<String, BigDecimal> weights = new TreeMap<>();
        if (body.touchWeights() != null) {
            body.touchWeights().forEach((kind, weight) -> {
                try {
                    weights.put(kind, new BigDecimal(weight.strip()));
                } catch (NumberFormatException e) {
                    v.add("modelSettings.touchWeights." + kind, "must be a number from 0 to "
                            + ModelSettings.MAX_TOUCH_WEIGHT);
                }
            });
        }
        ModelSettings settings = new ModelSettings(weights, body.positionShares(), blankToNull(
                body.timeDecayHalfLife()), body.markovOrder());
        v.nested("modelSettings", settings, s -> s.validate(v));
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v.list());
        }
        return settings.canonical();
    }

    private static ModelSettingsBody toBody(ModelSettings s) {
        if (s.isDefault()) {
            return null;
        }
        Map<String, String> weights = new TreeMap<>();
        s.touchWeights().forEach((kind, weight) -> weights.put(kind, weight.toPlainString()));
        return new ModelSettingsBody(weights, s.positionShares(), s.timeDecayHalfLife(), s.markovOrder());
    }

    /** What every campaign's {@code CampaignChanged} carries of its programme. */
    private static List<Object> carriedByCampaigns(ProgrammeSettings s) {
        return List.of(s.name(), s.reportingCurrency(), s.timeZone(), s.lookbackDays(), s.officialModel(),
                s.modelSettings());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ProgrammeResponse toResponse(Programme p) {
        ProgrammeSettings s = p.settings();
        return new ProgrammeResponse(p.getId(), s.name(), s.objective(), s.startDate(), s.endDate(),
                s.reportingCurrency(), s.timeZone(), s.lookbackDays(), s.officialModel(), s.officialModelParameters(),
                s.owner(), s.status().wireName(), s.pacing(), s.weekdayWeights(), toBody(s.modelSettings()),
                p.getVersion(), p.getCreatedAt(),
                p.getUpdatedAt());
    }
}
