package io.tally.attribution.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tally.events.CampaignChanged;
import io.tally.events.TrackingCodes;

/** Campaigns and their tracking codes, known from {@code CampaignChanged}. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<CampaignEntity, UUID> {

    /** A span of a code in a campaign: [from, until), null meaning since ever / open-ended. */
    public record CodeSpan(String code, Instant from, Instant until) {
    }

    /** Every live campaign's spans of these codes (normalised), for resolving many touches at once. */
    CodeDirectory directoryOf(Collection<String> codes) {
        Set<String> normalised = new HashSet<>();
        codes.stream().filter(code -> code != null && !code.isBlank()).map(TrackingCodes::normalise)
                .forEach(normalised::add);
        if (normalised.isEmpty()) {
            return new CodeDirectory(Map.of());
        }
        Map<String, List<CodeDirectory.Span>> spans = new HashMap<>();
        getEntityManager()
                .createQuery("SELECT t, c FROM CampaignEntity c, TrackingCodeEntity t"
                        + " WHERE t.campaignId = c.id AND t.code IN :codes AND c.deleted = false", Object[].class)
                .setParameter("codes", normalised)
                .getResultList()
                .forEach(row -> {
                    TrackingCodeEntity t = (TrackingCodeEntity) row[0];
                    spans.computeIfAbsent(t.code, k -> new ArrayList<>()).add(new CodeDirectory.Span(t.validFrom,
                            t.validUntil, t.assignedAt, t.id, (CampaignEntity) row[1]));
                });
        return new CodeDirectory(spans);
    }

    /** The campaign's code spans. */
    public List<CodeSpan> spansOf(UUID campaignId) {
        return getEntityManager()
                .createQuery("SELECT t.code, t.validFrom, t.validUntil FROM TrackingCodeEntity t"
                        + " WHERE t.campaignId = :id", Object[].class)
                .setParameter("id", campaignId)
                .getResultList().stream()
                .map(r -> new CodeSpan((String) r[0], (Instant) r[1], (Instant) r[2]))
                .toList();
    }

    /** Replaces the campaign's code spans with those of its CampaignChanged of {@code assignedAt}. */
    public void replaceCodes(UUID campaignId, List<CampaignChanged.TrackingCode> codes, Instant assignedAt) {
        getEntityManager().createQuery("DELETE FROM TrackingCodeEntity t WHERE t.campaignId = :id")
                .setParameter("id", campaignId)
                .executeUpdate();
        for (CampaignChanged.TrackingCode code : codes) {
            TrackingCodeEntity entity = new TrackingCodeEntity();
            entity.code = TrackingCodes.normalise(code.code());
            entity.campaignId = campaignId;
            entity.type = code.type();
            entity.validFrom = code.validFrom();
            entity.validUntil = code.validUntil();
            entity.assignedAt = assignedAt;
            getEntityManager().persist(entity);
        }
    }
}
