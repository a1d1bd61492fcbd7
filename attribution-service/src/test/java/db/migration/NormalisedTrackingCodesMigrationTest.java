package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/**
 * {@link V14__normalised_tracking_codes} on rows stored before it, in a scratch schema of the real PostgreSQL: each
 * code is rewritten to the form written out by hand below (Unicode spaces stripped, any case folded as Java folds it),
 * nulls and codes already in that form stay, and the equality indexes exist afterwards.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class NormalisedTrackingCodesMigrationTest {

    private static final String SCHEMA = "v14_scratch";

    @Inject
    DataSource dataSource;

    @Test
    void storedCodesAreRewrittenToTheContractsForm() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            ddl.execute("CREATE SCHEMA " + SCHEMA);
            ddl.execute("SET search_path TO " + SCHEMA);
            ddl.execute("CREATE TABLE touchpoint (id serial PRIMARY KEY, campaign_code text)");
            ddl.execute("CREATE TABLE conversion (id serial PRIMARY KEY, coupon_code text)");
            insert(connection, "touchpoint", "campaign_code", "\u2003ÉTÉ-24\u3000", "  Spring ", "été-24", null,
                    "ΣΟΦΙΑ");
            insert(connection, "conversion", "coupon_code", "WELCOME10\u2002", null, "welcome10");

            new V14__normalised_tracking_codes().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });

            assertThat(column(connection, "touchpoint", "campaign_code"))
                    .containsExactly("été-24", "spring", "été-24", null, "σοφια");
            assertThat(column(connection, "conversion", "coupon_code")).containsExactly("welcome10", null, "welcome10");
            assertThat(values(connection, "SELECT indexname FROM pg_indexes WHERE schemaname = '" + SCHEMA + "'"))
                    .contains("conversion_coupon_code_idx", "touchpoint_campaign_code_idx");
            ddl.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
            ddl.execute("RESET search_path");
        }
    }

    private static void insert(Connection connection, String table, String column, String... codes)
            throws SQLException {
        try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO " + table + " (" + column + ") VALUES (?)")) {
            for (String code : codes) {
                insert.setString(1, code);
                insert.executeUpdate();
            }
        }
    }

    /** The column's values in insertion order. */
    private static List<String> column(Connection connection, String table, String column) throws SQLException {
        return values(connection, "SELECT " + column + " FROM " + table + " ORDER BY id");
    }

    private static List<String> values(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
