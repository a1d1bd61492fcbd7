package io.tally.connectors.email.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/** The used one-time tokens of signed webhooks, in PostgreSQL ({@code connectors.email_webhook_token}). */
@ApplicationScoped
public class WebhookTokenStore {

    @Inject
    AgroalDataSource dataSource;

    /** Records {@code token} as used until {@code expiresAt}; false when it had been used before (a replay). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean claim(String provider, String token, Instant expiresAt) {
        return update("INSERT INTO email_webhook_token (provider, token, expires_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (provider, token) DO NOTHING", provider, token, expiresAt) == 1;
    }

    /** Frees a token whose delivery was not processed (400, 503), so the provider's retry is not taken for a replay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String provider, String token) {
        update("DELETE FROM email_webhook_token WHERE provider = ? AND token = ?", provider, token, null);
    }

    /** Deletes tokens that expired before {@code now}; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM email_webhook_token WHERE expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge webhook tokens", e);
        }
    }

    private int update(String sql, String provider, String token, Instant expiresAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, provider);
            statement.setString(2, token);
            if (expiresAt != null) {
                statement.setTimestamp(3, Timestamp.from(expiresAt));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a webhook token", e);
        }
    }
}
