package io.tally.campaign.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change of one resource: who, when, which version it made, and each changed field's old and new value. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "resource_type", nullable = false, length = 32)
    private String resourceType;

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "action", nullable = false, length = 16)
    private String action;

    @Column(name = "actor", nullable = false, length = 200)
    private String actor;

    @Column(name = "at", nullable = false)
    private Instant at;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changes", nullable = false)
    private Map<String, Map<String, Object>> changes;

    protected AuditEntry() {
    }

    /** A new entry; {@code changes} maps each changed field to {@code {from, to}}. */
    public static AuditEntry of(String resourceType, UUID resourceId, long version, String action, String actor,
            Instant at, Map<String, Map<String, Object>> changes) {
        AuditEntry e = new AuditEntry();
        e.resourceType = resourceType;
        e.resourceId = resourceId;
        e.version = version;
        e.action = action;
        e.actor = actor;
        e.at = at;
        e.changes = changes;
        return e;
    }

    public long getVersion() {
        return version;
    }

    public String getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public Map<String, Map<String, Object>> getChanges() {
        return changes;
    }
}
