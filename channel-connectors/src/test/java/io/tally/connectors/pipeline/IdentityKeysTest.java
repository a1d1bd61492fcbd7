package io.tally.connectors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityKeysTest {

    @Test
    void emailIsTrimmedAndLowerCasedBeforeHashing() {
        // echo -n 'test@example.com' | sha256sum
        assertThat(IdentityKeys.emailSha256("  TEST@Example.com "))
                .isEqualTo("973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b");
    }

    @Test
    void blankAddressesHaveNoKey() {
        assertThat(IdentityKeys.emailSha256("   ")).isNull();
        assertThat(IdentityKeys.emailSha256(null)).isNull();
    }

    @Test
    void phoneNumbersAreReducedToDigitsWithTheirInternationalPrefix() {
        assertThat(IdentityKeys.phoneSha256("+49 (30) 1234-567")).isEqualTo(IdentityKeys.sha256("+49301234567"));
        assertThat(IdentityKeys.phoneSha256("0049 30 1234567")).isEqualTo(IdentityKeys.sha256("+49301234567"));
        assertThat(IdentityKeys.phoneSha256("030 1234567")).isEqualTo(IdentityKeys.sha256("0301234567"));
        assertThat(IdentityKeys.phoneSha256("n/a")).isNull();
    }
}
