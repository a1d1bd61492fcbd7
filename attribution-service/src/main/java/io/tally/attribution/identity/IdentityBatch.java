package io.tally.attribution.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link IdentityGraph#resolveAll} knows while it resolves a batch: which profile each identifier belongs to, the
 * profiles made for the batch (negative placeholders until they are written and get their ids), the profiles merged
 * into others, and the identifiers still to write. {@link #current} follows a profile to the root it is now part of.
 */
final class IdentityBatch {

    /** Identifiers to insert (with their profile and first event) and how much each profile grew. */
    record Pending(List<String> identifiers, List<Long> profiles, List<String> events, Map<Long, Integer> grown) {
    }

    private final Map<String, Long> owners;
    /** A placeholder to the id it was written with, an absorbed profile to the one it merged into. */
    private final Map<Long, Long> moved = new HashMap<>();
    private final List<Long> unwritten = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final List<Long> profiles = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private long nextPlaceholder = -1;

    /** @param known the profile of each identifier already stored */
    IdentityBatch(Map<String, Long> known) {
        this.owners = new HashMap<>(known);
    }

    /** The root {@code profile} belongs to now. */
    long current(long profile) {
        Long next;
        long at = profile;
        while ((next = moved.get(at)) != null) {
            at = next;
        }
        return at;
    }

    /** The current profile of each of {@code identifiers} that is known (stored or resolved earlier in the batch). */
    Map<String, Long> profilesOf(List<String> identifiers) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String key : identifiers) {
            Long owner = owners.get(key);
            if (owner != null) {
                found.put(key, current(owner));
            }
        }
        return found;
    }

    /** A new profile, a placeholder until it is written. */
    long newProfile() {
        long placeholder = nextPlaceholder--;
        unwritten.add(placeholder);
        return placeholder;
    }

    /** The placeholders not written yet, which are from now on being written. */
    List<Long> takeUnwritten() {
        List<Long> taken = List.copyOf(unwritten);
        unwritten.clear();
        return taken;
    }

    /** The placeholder was written as profile {@code id}. */
    void written(long placeholder, long id) {
        moved.put(placeholder, id);
    }

    /** {@code absorbed} merged into {@code root}. */
    void merged(long absorbed, long root) {
        moved.put(absorbed, root);
    }

    /** The identifier joins {@code profile}, first seen with {@code eventId}. */
    void add(String key, long profile, String eventId) {
        owners.put(key, profile);
        keys.add(key);
        profiles.add(profile);
        events.add(eventId);
    }

    /** The identifiers added since the last call, with their profiles as they are now (call after writing profiles). */
    Pending drain() {
        List<Long> roots = profiles.stream().map(this::current).toList();
        Map<Long, Integer> grown = new LinkedHashMap<>();
        roots.forEach(root -> grown.merge(root, 1, Integer::sum));
        Pending pending = new Pending(List.copyOf(keys), roots, List.copyOf(events), grown);
        keys.clear();
        profiles.clear();
        events.clear();
        return pending;
    }
}
