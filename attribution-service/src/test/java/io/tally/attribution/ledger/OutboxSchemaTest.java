package io.tally.attribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.outbox.OutboxSchema;

/**
 * The outbox table this service's Flyway migrations create is the outbox module's one definition
 * ({@link OutboxSchema#REFERENCE}): same columns, types, nullability, constraints and indexes. A change to the outbox
 * table is made in the module; this test fails until the service has the migration that follows it.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OutboxSchemaTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema")
    String schema;

    @Test
    void theMigratedOutboxTableIsTheOutboxModulesDefinition() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            OutboxSchema.Table migrated = OutboxSchema.describe(connection, schema);

            assertThat(migrated.exists()).as("an outbox table in schema %s", schema).isTrue();
            assertThat(migrated).isEqualTo(OutboxSchema.reference(connection));
        }
    }
}
