package io.tally.campaign.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The audit trail, per resource, newest first. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** One page of a resource's entries, newest first. */
    public List<AuditEntry> findOf(String resourceType, UUID resourceId, Page page) {
        return find("resourceType = ?1 and resourceId = ?2", Sort.descending("id"), resourceType, resourceId)
                .page(page).list();
    }

    /** How many entries a resource has. */
    public long countOf(String resourceType, UUID resourceId) {
        return count("resourceType = ?1 and resourceId = ?2", resourceType, resourceId);
    }
}
