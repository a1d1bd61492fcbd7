package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClickIdsTest {

    @Test
    void theFirstClickIdInNameOrderWithItsValue() {
        assertThat(ClickIds.firstOf("https://shop.example/?fbclid=F1&gclid=G1")).contains("gclid=G1");
        assertThat(ClickIds.firstOf("https://shop.example/?FBCLID=%20F%2B1%20")).contains("fbclid=F+1");
    }

    @Test
    void noClickIdWithoutQueryBlankValueOrInTheFragment() {
        assertThat(ClickIds.firstOf(null)).isEmpty();
        assertThat(ClickIds.firstOf("https://shop.example/p")).isEmpty();
        assertThat(ClickIds.firstOf("https://shop.example/p?gclid=")).isEmpty();
        assertThat(ClickIds.firstOf("https://shop.example/p#gclid=G1")).isEmpty();
        assertThat(ClickIds.firstOf("https://shop.example/p?utm_source=google")).isEmpty();
    }

    @Test
    void onlyTheFirstOccurrenceOfANameCounts() {
        assertThat(ClickIds.query("https://x.example/?a=1&A=2&b=%zz")).containsEntry("a", "1").containsEntry("b",
                "%zz");
    }
}
