package io.tally.attribution.domain.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel names numbered 0, 1, 2, … in order of first sight, so paths can be walked as small ints. A name is allocated
 * as a {@link String} only the first time it is seen, also when it is looked up from a slice of characters.
 */
public final class ChannelDictionary {

    private final List<String> names = new ArrayList<>();
    private int[] slots = new int[64];

    /** An empty dictionary. */
    public ChannelDictionary() {
        Arrays.fill(slots, -1);
    }

    /** The id of a name, numbering it if new. */
    public int id(String name) {
        return id(name.toCharArray(), 0, name.length());
    }

    /** The id of the name {@code chars[from, to)}, numbering it (and allocating its String) if new. */
    public int id(char[] chars, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + chars[i];
        }
        int mask = slots.length - 1;
        for (int slot = mix(hash) & mask;; slot = (slot + 1) & mask) {
            int id = slots[slot];
            if (id < 0) {
                id = names.size();
                names.add(new String(chars, from, to - from));
                slots[slot] = id;
                if (names.size() * 2 > slots.length) {
                    rehash();
                }
                return id;
            }
            if (matches(names.get(id), chars, from, to)) {
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

    private static boolean matches(String name, char[] chars, int from, int to) {
        if (name.length() != to - from) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16) * 0x45d9f3b;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int id = 0; id < names.size(); id++) {
            int slot = mix(names.get(id).hashCode()) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id;
        }
    }
}
