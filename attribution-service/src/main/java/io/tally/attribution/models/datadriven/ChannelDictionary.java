package io.tally.attribution.models.datadriven;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Channel names numbered 0, 1, 2, … in order of first sight, so paths can be walked as small ints. A name is allocated
 * as a {@link String} only the first time it is seen, also when it is looked up from a slice of bytes.
 *
 * <p>
 * Lookups from bytes are the inner loop of reading path files (one per touch), so names are keyed by their length and
 * their first and last eight bytes read as two {@code long}s: for names of up to 16 bytes, which channel names are, the
 * key is the whole name and a lookup compares no bytes; longer names are compared in full on a key match.
 */
public final class ChannelDictionary {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Names up to this many bytes are held entirely in their key. */
    private static final int KEYED = 16;

    private final List<String> names = new ArrayList<>();
    private final List<byte[]> encoded = new ArrayList<>();
    private int[] slotId = new int[64];
    private long[] slotFirst = new long[64];
    private long[] slotLast = new long[64];
    private int[] slotLength = new int[64];

    /** An empty dictionary. */
    public ChannelDictionary() {
        Arrays.fill(slotId, -1);
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
        int length = to - from;
        long first = first(utf8, from, to);
        long last = length >= Long.BYTES ? (long) WORDS.get(utf8, to - Long.BYTES) : 0;
        int mask = slotId.length - 1;
        for (int slot = slot(first, last, length) & mask;; slot = (slot + 1) & mask) {
            int id = slotId[slot];
            if (id < 0) {
                id = names.size();
                names.add(new String(utf8, from, length, StandardCharsets.UTF_8));
                encoded.add(Arrays.copyOfRange(utf8, from, to));
                put(slot, id, first, last, length);
                if (names.size() * 2 > slotId.length) {
                    rehash();
                }
                return id;
            }
            if (slotLength[slot] == length && slotFirst[slot] == first && slotLast[slot] == last
                    && (length <= KEYED || Arrays.equals(encoded.get(id), 0, length, utf8, from, to))) {
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

    /** The name's first eight bytes, or all of a shorter name's bytes, as a little-endian {@code long}. */
    private static long first(byte[] utf8, int from, int to) {
        int length = to - from;
        if (length >= Long.BYTES) {
            return (long) WORDS.get(utf8, from);
        }
        if (length > 0 && to >= Long.BYTES) {
            // the word ending with the name, its bytes before the name shifted out
            return (long) WORDS.get(utf8, to - Long.BYTES) >>> ((Long.BYTES - length) * Byte.SIZE);
        }
        long word = 0;
        for (int i = 0; i < length; i++) {
            word |= (utf8[from + i] & 0xFFL) << (i * Byte.SIZE);
        }
        return word;
    }

    private static int slot(long first, long last, int length) {
        long h = first * 0x9E3779B97F4A7C15L + last * 0xC2B2AE3D27D4EB4FL + length;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void put(int slot, int id, long first, long last, int length) {
        slotId[slot] = id;
        slotFirst[slot] = first;
        slotLast[slot] = last;
        slotLength[slot] = length;
    }

    private void rehash() {
        int size = slotId.length * 2;
        slotId = new int[size];
        slotFirst = new long[size];
        slotLast = new long[size];
        slotLength = new int[size];
        Arrays.fill(slotId, -1);
        for (int id = 0; id < names.size(); id++) {
            byte[] name = encoded.get(id);
            long first = first(name, 0, name.length);
            long last = name.length >= Long.BYTES ? (long) WORDS.get(name, name.length - Long.BYTES) : 0;
            int slot = slot(first, last, name.length) & (size - 1);
            while (slotId[slot] >= 0) {
                slot = (slot + 1) & (size - 1);
            }
            put(slot, id, first, last, name.length);
        }
    }
}
