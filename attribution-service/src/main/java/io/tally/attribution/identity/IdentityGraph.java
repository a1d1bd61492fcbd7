package io.tally.attribution.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.tally.attribution.ledger.AdvisoryLocks;
import io.tally.events.Identifiers;
import io.tally.events.Trust;

/**
 * The identity graph: a persisted union-find over customer identifiers (tables {@code profile} and {@code identity}).
 * Identifiers seen together belong to one profile; when an event joins identifiers of several profiles, they merge
 * into the largest (union by size), and the others' identifiers, touchpoints and conversions are relabelled to it, so
 * every row carries its root profile.
 *
 * <p>
 * Concurrency: {@link #resolve} serialises every transaction that touches the same identifiers or the same profiles
 * with transaction-scoped PostgreSQL advisory locks, so a touchpoint and a conversion of one customer, consumed
 * concurrently (or by two replicas), are processed one after the other and neither misses the other, even when they
 * share no identifier but belong to one profile. Identifier locks are taken first, in sorted order; profile locks are
 * then taken until the identifiers' profiles no longer change under them (a concurrent merge can move an identifier to
 * another profile only while it holds that profile's lock). A rare deadlock between two merges is detected by
 * PostgreSQL, and the loser is retried by the consumer.
 */
@ApplicationScoped
public class IdentityGraph {

    /**
     * The profile an event's identifiers belong to, the profiles that merged into it on the way (if any), and why a join
     * the event asked for was refused (null when none was).
     */
    public record Resolution(long profileId, List<Long> absorbed, String refused) {

        /** True when this event joined profiles that were apart before. */
        public boolean merged() {
            return !absorbed.isEmpty();
        }
    }

    @Inject
    EntityManager em;
    @Inject
    AdvisoryLocks locks;
    @Inject
    IdentityBounds bounds;

    /**
     * Finds (or creates) the profile of these identifiers, merging profiles when they span several, and locks it until
     * the transaction ends. Idempotent: resolving the same identifiers again changes nothing.
     *
     * @param eventId the event that brought the identifiers, recorded on new identifiers and on merges
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(Identifiers identifiers, String eventId) {
        return resolve(identifiers, eventId, Trust.VERIFIED);
    }

    /**
     * Like {@link #resolve(Identifiers, String)}, within the bounds of {@code trust}: an unverified event (the open
     * collector) may join an anonymous visitor to a known customer, but not two known customers, not a second
     * identifier of one kind to a known customer, and not more than {@code max-anonymous-ids} anonymous ids to one
     * customer. A refused join is recorded ({@code identity_refusal}, metric) and the event belongs to the profile of
     * its most durable known identifier, unjoined.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution resolve(Identifiers identifiers, String eventId, Trust trust) {
        return resolveAll(List.of(new Request(identifiers, eventId, trust))).get(0);
    }

    /** One event's identifiers, to resolve with others in {@link #resolveAll}. */
    public record Request(Identifiers identifiers, String eventId, Trust trust) {
    }

    /**
     * Resolves a batch of events' identifiers as {@link #resolve(Identifiers, String, Trust)} would one after the other,
     * in the batch's order, with a few round trips for the whole batch: the locks of every identifier and profile
     * involved are taken at once, new profiles and identifiers are written together. Each resolution's profile is the
     * root the event's rows belong to once the whole batch is resolved (a later event of the batch may have merged the
     * profile of an earlier one into another).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Resolution> resolveAll(List<Request> requests) {
        List<List<String>> keys = requests.stream().map(r -> keysOf(r.identifiers())).toList();
        Set<String> allKeys = new TreeSet<>();
        keys.forEach(allKeys::addAll);
        locks.lockAll(allKeys.stream().map(key -> "identity:" + key).toList());
        Set<Long> locked = new TreeSet<>();
        Map<String, Long> profiles;
        while (true) {
            profiles = profilesOf(allKeys);
            TreeSet<Long> found = new TreeSet<>(profiles.values());
            found.removeAll(locked);
            if (found.isEmpty()) {
                break;
            }
            locks.lockAll(found.stream().map(profile -> "profile:" + profile).toList());
            locked.addAll(found);
        }
        IdentityBatch batch = new IdentityBatch(profiles);
        List<Resolution> resolutions = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            resolutions.add(resolveOne(batch, keys.get(i), requests.get(i)));
        }
        write(batch);
        return resolutions.stream().map(r -> new Resolution(batch.current(r.profileId()), r.absorbed(), r.refused()))
                .toList();
    }

    private Resolution resolveOne(IdentityBatch batch, List<String> keys, Request request) {
        Map<String, Long> known = batch.profilesOf(keys);
        if (request.trust() != Trust.VERIFIED && IdentityBounds.mayOverstep(keys, known)) {
            write(batch); // the bounds are checked on the database
            known = batch.profilesOf(keys);
            Optional<String> refusal = bounds.refusal(keys, known);
            if (refusal.isPresent()) {
                bounds.record(request.eventId(), refusal.get(), keys);
                return new Resolution(anchor(batch, keys, known), List.of(), refusal.get());
            }
        }
        Set<Long> current = new TreeSet<>(known.values());
        long root;
        List<Long> absorbed = new ArrayList<>();
        if (current.isEmpty()) {
            root = batch.newProfile();
        } else if (current.size() == 1) {
            root = current.iterator().next();
        } else {
            write(batch); // profiles merge on the database
            current = new TreeSet<>(batch.profilesOf(keys).values());
            root = largest(current);
            for (long other : current) {
                if (other != root) {
                    merge(other, root, request.eventId());
                    batch.merged(other, root);
                    absorbed.add(other);
                }
            }
        }
        for (String key : keys) {
            if (!known.containsKey(key)) {
                batch.add(key, root, request.eventId());
            }
        }
        return new Resolution(root, List.copyOf(absorbed), null);
    }

    /** The profile of the most durable identifier already known, or a new profile when none is. */
    private static long anchor(IdentityBatch batch, List<String> keys, Map<String, Long> profiles) {
        for (String kind : IdentityBounds.DURABILITY) {
            for (String key : keys) {
                if (key.startsWith(kind + ":") && profiles.containsKey(key)) {
                    return profiles.get(key);
                }
            }
        }
        return batch.newProfile();
    }

    /** Writes what the batch holds in memory: its new profiles, then its new identifiers and the profiles' sizes. */
    private void write(IdentityBatch batch) {
        List<Long> created = batch.takeUnwritten();
        if (!created.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("SELECT nextval('profile_profile_id_seq') FROM"
                    + " generate_series(1, ?1)").setParameter(1, created.size()).getResultList();
            Long[] written = new Long[created.size()];
            for (int i = 0; i < created.size(); i++) {
                written[i] = ids.get(i).longValue();
                batch.written(created.get(i), written[i]);
            }
            em.createNativeQuery("INSERT INTO profile (profile_id, identifiers) SELECT id, 0 FROM"
                    + " unnest(CAST(?1 AS bigint[])) AS p(id)").setParameter(1, written).executeUpdate();
        }
        IdentityBatch.Pending pending = batch.drain();
        if (pending.identifiers().isEmpty()) {
            return;
        }
        em.createNativeQuery("INSERT INTO identity (identifier, profile_id, first_event_id) SELECT * FROM"
                + " unnest(CAST(?1 AS text[]), CAST(?2 AS bigint[]), CAST(?3 AS text[]))")
                .setParameter(1, pending.identifiers().toArray(String[]::new))
                .setParameter(2, pending.profiles().toArray(Long[]::new))
                .setParameter(3, pending.events().toArray(String[]::new))
                .executeUpdate();
        em.createNativeQuery("UPDATE profile p SET identifiers = p.identifiers + d.n FROM"
                + " unnest(CAST(?1 AS bigint[]), CAST(?2 AS int[])) AS d(id, n) WHERE p.profile_id = d.id")
                .setParameter(1, pending.grown().keySet().toArray(Long[]::new))
                .setParameter(2, pending.grown().values().toArray(Integer[]::new))
                .executeUpdate();
    }

    /** The identifiers of a profile as {@code kind:value}, sorted. */
    @SuppressWarnings("unchecked")
    public List<String> identifiersOf(long profileId) {
        return em.createNativeQuery("SELECT identifier FROM identity WHERE profile_id = ?1 ORDER BY identifier")
                .setParameter(1, profileId).getResultList();
    }

    /** The profile an identifier belongs to, if it was ever seen. */
    @SuppressWarnings("unchecked")
    public Optional<Long> profileOf(String kind, String value) {
        List<Number> rows = em.createNativeQuery("SELECT profile_id FROM identity WHERE identifier = ?1")
                .setParameter(1, kind + ":" + value).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    static List<String> keysOf(Identifiers identifiers) {
        TreeSet<String> keys = new TreeSet<>();
        identifiers.asMap().forEach((kind, value) -> keys.add(kind + ":" + value));
        return List.copyOf(keys);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> profilesOf(Collection<String> keys) {
        Map<String, Long> profiles = new HashMap<>();
        if (keys.isEmpty()) {
            return profiles;
        }
        List<Object[]> rows = em
                .createNativeQuery("SELECT identifier, profile_id FROM identity WHERE identifier IN (?1)")
                .setParameter(1, keys).getResultList();
        for (Object[] row : rows) {
            profiles.put((String) row[0], ((Number) row[1]).longValue());
        }
        return profiles;
    }

    /** The profile with the most identifiers (ties: the oldest), the root the others merge into. */
    @SuppressWarnings("unchecked")
    private long largest(Set<Long> profiles) {
        List<Number> rows = em.createNativeQuery("SELECT profile_id FROM profile WHERE profile_id IN (?1)"
                + " ORDER BY identifiers DESC, profile_id LIMIT 1").setParameter(1, profiles).getResultList();
        return rows.get(0).longValue();
    }

    /** Moves everything of {@code absorbed} to {@code root}; the flush first writes any pending entity changes. */
    private void merge(long absorbed, long root, String eventId) {
        em.flush();
        for (String table : List.of("identity", "touchpoint", "conversion")) {
            em.createNativeQuery("UPDATE " + table + " SET profile_id = ?1 WHERE profile_id = ?2")
                    .setParameter(1, root).setParameter(2, absorbed).executeUpdate();
        }
        em.createNativeQuery("UPDATE profile SET identifiers = identifiers + (SELECT identifiers FROM profile"
                + " WHERE profile_id = ?2) WHERE profile_id = ?1")
                .setParameter(1, root).setParameter(2, absorbed).executeUpdate();
        em.createNativeQuery("UPDATE profile SET merged_into = ?1, merged_at = now(), merged_by_event = ?3"
                + " WHERE profile_id = ?2")
                .setParameter(1, root).setParameter(2, absorbed).setParameter(3, eventId).executeUpdate();
        // entities loaded before the relabelling would still show the absorbed profile
        em.clear();
    }

}
