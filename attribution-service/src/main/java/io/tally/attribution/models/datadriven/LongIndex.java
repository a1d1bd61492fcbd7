package io.tally.attribution.models.datadriven;

import java.util.Arrays;

/** Numbers distinct {@code long} keys 0, 1, 2, … in order of first sight (open addressing, no boxing). */
final class LongIndex {

    private long[] keys = new long[16];
    private int[] slots = new int[32];
    private int size;

    LongIndex() {
        Arrays.fill(slots, -1);
    }

    /** The number of a key, numbering it if new. */
    int indexOf(long key) {
        int mask = slots.length - 1;
        for (int slot = mix(key) & mask;; slot = (slot + 1) & mask) {
            int index = slots[slot];
            if (index < 0) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size] = key;
                slots[slot] = size;
                if (++size * 2 > slots.length) {
                    rehash();
                }
                return size - 1;
            }
            if (keys[index] == key) {
                return index;
            }
        }
    }

    /** The key numbered {@code index}. */
    long key(int index) {
        return keys[index];
    }

    int size() {
        return size;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int index = 0; index < size; index++) {
            int slot = mix(keys[index]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index;
        }
    }
}
