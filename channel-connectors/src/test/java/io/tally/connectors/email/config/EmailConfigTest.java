package io.tally.connectors.email.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class EmailConfigTest {

    @Test
    void withNothingConfiguredNoProviderIsTrustedAndTheDefaultsApply() {
        // Quarkus' own Duration converter, which reads "10M" as the application does
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EmailConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()).build();

        EmailConfig email = config.getConfigMapping(EmailConfig.class);

        assertThat(email.sendgrid().verificationKey()).isEmpty();
        assertThat(email.sendgrid().timestampTolerance()).isEqualTo(Duration.ofMinutes(10));
        assertThat(email.sendgrid().campaignArg()).isEqualTo("tally_campaign");
        assertThat(email.mailgun().signingKey()).isEmpty();
        assertThat(email.mailgun().timestampTolerance()).isEqualTo(Duration.ofMinutes(5));
        assertThat(email.generic().secrets()).isEmpty();
    }
}
