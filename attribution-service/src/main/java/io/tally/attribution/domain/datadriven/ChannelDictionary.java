package io.tally.attribution.domain.datadriven;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel names numbered 0, 1, 2, … in order of first sight, so paths can be walked as small ints. A name is allocated
 * as a {@link String} only the first time it is seen, also when it is looked up from a slice of characters.
 */
public final class ChannelDictionary {

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> encoded = new ArrayList<>();
    private int[] slots = new int[64];

    /** An empty dictionary. */
    public ChannelDictionary() {
        Arrays.fill(slots, -1);
    }

    /** The id of a name, numbering it if new. */
    public int id(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return id(utf8, 0, utf8.length);
    }

    /**
     * The ids of a path's names, numbering new ones, written to {@code into} (or to a larger array when it is too short).
     *
     * @return the array holding the ids in {@code [0, path.size())}
     */
    public int[] ids(List<String> path, int[] into) {
        int[] ids = into.length < path.size() ? new int[path.size()] : into;
        for (int i = 0; i < path.size(); i++) {
            ids[i] = id(path.get(i));
        }
        return ids;
    }

    /** The id of the UTF-8 name {@code utf8[from, to)}, numbering it (and allocating its String) if new. */
    public int id(byte[] utf8, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + utf8[i];
        }
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id < 0) {
                id = names.size();
                names.add(new String(utf8, from, to - from, StandardCharsets.UTF_8));
                encoded.add(Arrays.copyOfRange(utf8, from, to));
                slots[slot] = id;
                if (names.size() * 2 > slots.length) {
                    rehash();
                }
                return id;
            }
            if (Arrays.equals(encoded.get(id), 0, encoded.get(id).length, utf8, from, to)) {
                return id;
            }
        }
    }

    /** The name of an id. */
    public String name(int id) {
        return names.get(id);
    }

    /** How many names are numbered. */
    public int size() {
        return names.size();
    }

    private static int hash(byte[] utf8) {
        int hash = 0;
        for (byte b : utf8) {
            hash = 31 * hash + b;
        }
        return hash;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16) * 0x45d9f3b;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int id = 0; id < names.size(); id++) {
            int slot = mix(hash(encoded.get(id))) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }
}
