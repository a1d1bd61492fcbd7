package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky embedded binaries), with the {@value #DATABASE} database every service keeps its schema
 * in. Works as root: zonky runs initdb in a user namespace.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database the services share; each owns one schema in it. */
    public static final String DATABASE = "tally";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the data lives; kept across starts. Null for a throw-away directory.
     * @param port the port, or 0 for a free one
     * @param logFile where the server's own output goes, or null to discard it
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port == 0 ? Ports.free() : port)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            Redirect redirect = logFile == null ? Redirect.DISCARD : Redirect.appendTo(logFile.toFile());
            builder.setOutputRedirector(redirect).setErrorRedirector(redirect);
            PostgresServer server = new PostgresServer(builder.start());
            server.createDatabase();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the {@value #DATABASE} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void createDatabase() {
        String url = "jdbc:postgresql://localhost:" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
