package io.tally.campaign.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.tally.campaign.api.HistoryEntry;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.config.CampaignConfig;
import io.tally.support.problem.ProblemException;
import io.tally.support.security.Caller;

/**
 * Records who changed what and when, in the transaction of the change: each entry holds the changed fields with their
 * old and new values, as the API shows them (the response DTOs), so the history reads like the resource.
 */
@ApplicationScoped
public class AuditTrail {

    /** Fields that change with every write, or never, and say nothing of their own. */
    private static final Set<String> IGNORED = Set.of("version", "updatedAt", "createdAt", "id");

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    @Inject
    AuditRepository entries;
    @Inject
    ObjectMapper json;
    @Inject
    CampaignConfig config;
    @Inject
    Caller caller;

    /**
     * Records a change.
     *
     * @param before the resource as the API showed it before, null when it was created
     * @param after the resource as the API shows it now, null when it was deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String resourceType, UUID id, long version, Object before, Object after, Instant at) {
        Map<String, Object> old = before == null ? Map.of() : json.convertValue(before, FIELDS);
        Map<String, Object> now = after == null ? Map.of() : json.convertValue(after, FIELDS);
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        TreeSet<String> fields = new TreeSet<>(old.keySet());
        fields.addAll(now.keySet());
        for (String field : fields) {
            if (IGNORED.contains(field) || Objects.equals(old.get(field), now.get(field))) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", old.get(field));
            change.put("to", now.get(field));
            changes.put(field, change);
        }
        String action = before == null ? "created" : after == null ? "deleted" : "replaced";
        entries.persist(AuditEntry.of(resourceType, id, version, action, caller.name(), at, changes));
    }

    /** Like {@link #history}, but a 404 problem naming {@code what} when the resource never existed. */
    @Transactional
    public HistoryPage historyOrNotFound(String resourceType, String what, UUID id, int page, int size) {
        HistoryPage history = history(resourceType, id, page, size);
        if (history.totalItems() == 0) {
            throw ProblemException.notFound(what + " " + id);
        }
        return history;
    }

    /** One page of a resource's history, newest first; {@code size} is capped to {@code tally.api.max-page-size}. */
    @Transactional
    public HistoryPage history(String resourceType, UUID id, int page, int requestedSize) {
        int size = Math.min(requestedSize, config.api().maxPageSize());
        var items = entries.findOf(resourceType, id, Page.of(page, size)).stream()
                .map(e -> new HistoryEntry(e.getVersion(), e.getAction(), e.getActor(), e.getAt(), e.getChanges()))
                .toList();
        return new HistoryPage(items, page, size, entries.countOf(resourceType, id));
    }
}
