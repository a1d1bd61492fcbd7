package io.tally.connectors.email.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of the email webhooks, under {@code tally.connectors.email}. */
@ConfigMapping(prefix = "tally.connectors.email")
public interface EmailConfig {

    /** The SendGrid Event Webhook ({@code POST /api/v1/webhooks/sendgrid}). */
    SendGrid sendgrid();

    /** Mailgun webhooks ({@code POST /api/v1/webhooks/mailgun}). */
    Mailgun mailgun();

    /** Tally's own ESP format ({@code POST /api/v1/webhooks/esp/{provider}}). */
    Generic generic();

    /** Settings of the SendGrid Event Webhook. */
    interface SendGrid {

        /**
         * SendGrid's "Verification Key": the base64 ECDSA P-256 public key (X.509 SubjectPublicKeyInfo) shown when the
         * Signed Event Webhook is enabled. From the environment; without it every request is refused 401.
         */
        Optional<String> verificationKey();

        /** How far the signed {@code X-Twilio-Email-Event-Webhook-Timestamp} may be from now (older: a replay, 401). */
        @WithDefault("10M")
        Duration timestampTolerance();

        /** The custom argument (unique_args / custom_args) read as the campaign code when a click has no utm_campaign. */
        @WithDefault("tally_campaign")
        String campaignArg();

        /** Whether opens SendGrid flags {@code sg_machine_open} (Apple Mail Privacy Protection prefetch) are ignored. */
        @WithDefault("true")
        boolean ignoreMachineOpens();
    }

    /** Settings of the Mailgun webhooks. */
    interface Mailgun {

        /** Mailgun's "HTTP webhook signing key" (HMAC-SHA256 secret). From the environment; without it every request is
         * refused 401. */
        Optional<String> signingKey();

        /** How far the signed {@code signature.timestamp} may be from now (older: a replay, 401). */
        @WithDefault("5M")
        Duration timestampTolerance();

        /** The user variable ({@code v:} variable) read as the campaign code when a click has no utm_campaign. */
        @WithDefault("tally_campaign")
        String campaignVariable();

        /** How often used signature tokens past their expiry are deleted from {@code connectors.email_webhook_token}. */
        @WithDefault("10m")
        String tokenPurgeInterval();
    }

    /** Settings of the generic ESP format. */
    interface Generic {

        /**
         * The HMAC-SHA256 secret of each provider, by the provider name used in the path
         * ({@code tally.connectors.email.generic.secrets.<provider>}). A provider without a secret is unknown (404).
         */
        Map<String, String> secrets();
    }
}
