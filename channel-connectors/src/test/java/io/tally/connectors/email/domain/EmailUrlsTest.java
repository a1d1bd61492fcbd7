package io.tally.connectors.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailUrlsTest {

    @Test
    void aUrlWithoutTheAddressIsKeptAsItIs() {
        String url = "https://shop.example/shoes?utm_campaign=BF#top";

        assertThat(EmailUrls.withoutAddress(url, "jane@example.com")).isEqualTo(url);
    }

    @Test
    void queryParametersHoldingTheAddressAreRemovedPlainOrEncodedAnyCase() {
        assertThat(EmailUrls.withoutAddress(
                "https://shop.example/?email=Jane%40Example.com&utm_campaign=BF&u=JANE@EXAMPLE.COM#top",
                " jane@example.com ")).isEqualTo("https://shop.example/?utm_campaign=BF#top");
        assertThat(EmailUrls.withoutAddress("https://shop.example/?e=jane%40example.com", "jane@example.com"))
                .isEqualTo("https://shop.example/");
    }

    @Test
    void anAddressOutsideTheQueryDropsTheWholeUrl() {
        assertThat(EmailUrls.withoutAddress("https://shop.example/u/jane@example.com/prefs", "jane@example.com"))
                .isNull();
        assertThat(EmailUrls.withoutAddress("https://shop.example/?a=1#jane@example.com", "jane@example.com"))
                .isNull();
    }
}
