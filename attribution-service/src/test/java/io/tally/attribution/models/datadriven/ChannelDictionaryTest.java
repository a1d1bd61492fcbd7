package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Names are keyed by length and their first and last eight bytes; these cases aim at that key: every length around 8
 * and 16, names that share a prefix or a suffix, names read at the very start of an array and deep inside one, names
 * in other scripts, and enough names to grow the table.
 */
class ChannelDictionaryTest {

    private static final String ALPHABET = "ab>_ é広";

    @Test
    void aNameGetsOneIdWhereverItIsReadFromAndDistinctNamesGetDistinctIds() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> names = new ArrayList<>();
        for (int length = 0; length <= 40; length++) {
            for (int variant = 0; variant < 6; variant++) {
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                names.add(name.toString());
            }
        }
        // prefixes and suffixes of one long name: equal first or last words, different lengths
        String base = "paid_social_retargeting_eu";
        for (int i = 0; i <= base.length(); i++) {
            names.add(base.substring(0, i));
            names.add(base.substring(i));
        }
        // same length, same first and last eight bytes, different middle (longer than the key)
        names.add("abcdefgh-X-abcdefgh");
        names.add("abcdefgh-Y-abcdefgh");

        ChannelDictionary dictionary = new ChannelDictionary();
        Map<String, Integer> expected = new HashMap<>();
        for (String name : names) {
            int id = dictionary.id(name);
            Integer known = expected.putIfAbsent(name, id);
            assertThat(id).as("id of %s", name).isEqualTo(known == null ? expected.size() - 1 : known);
            assertThat(dictionary.name(id)).isEqualTo(name);
        }
        assertThat(dictionary.size()).isEqualTo(expected.size());

        // the same names as slices of a larger array, at every offset from 0 to 9 (the first words read differently)
        for (int offset = 0; offset < 10; offset++) {
            for (String name : expected.keySet()) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                byte[] padded = new byte[offset + utf8.length + 3];
                java.util.Arrays.fill(padded, (byte) '>');
                System.arraycopy(utf8, 0, padded, offset, utf8.length);
                assertThat(dictionary.id(padded, offset, offset + utf8.length)).as("%s at %d", name, offset)
                        .isEqualTo(expected.get(name));
            }
        }
        assertThat(dictionary.size()).isEqualTo(expected.size());
    }
}
