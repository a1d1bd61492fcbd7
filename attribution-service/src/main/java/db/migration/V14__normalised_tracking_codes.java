package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.tally.events.TrackingCodes;

/**
 * Stores every touch's campaign code and every conversion's coupon code in the one normalised form of
 * {@link TrackingCodes#normalise} (the intake does so from this version on), so SQL matches codes by plain equality
 * instead of PostgreSQL's {@code lower(trim(...))}, which strips only spaces and folds case by the database's locale
 * (only ASCII under the C locale), unlike the rule every service applies. A Java migration because that rule is Java's:
 * each distinct stored code is normalised here and its rows rewritten in one statement. Adds the indexes the
 * equality can now use.
 */
public class V14__normalised_tracking_codes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        normalise(connection, "touchpoint", "campaign_code");
        normalise(connection, "conversion", "coupon_code");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE INDEX touchpoint_campaign_code_idx ON touchpoint (campaign_code)"
                    + " WHERE campaign_code IS NOT NULL");
            ddl.execute("CREATE INDEX conversion_coupon_code_idx ON conversion (coupon_code)"
                    + " WHERE coupon_code IS NOT NULL");
        }
    }

    private static void normalise(Connection connection, String table, String column) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT DISTINCT " + column + " FROM " + table + " WHERE "
                        + column + " IS NOT NULL")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE "
                + column + " = ?")) {
            for (String code : codes) {
                String normalised = TrackingCodes.normalise(code);
                if (!Objects.equals(code, normalised)) {
                    update.setString(1, normalised);
                    update.setString(2, code);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }
}
