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

    private final int port;
    private final Path dataDirectory;
    private final Path logFile;
    private volatile EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDirectory, Path logFile) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.logFile = logFile;
    }

    /**
     * Starts a server.
     *
     * @param dataDirectory where the data lives; kept across starts. Null for a throw-away directory.
     * @param port the port, or 0 for a free one
     * @param logFile where the server's own output goes, or null to discard it
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile) {
        PostgresServer server = new PostgresServer(port == 0 ? Ports.free() : port, dataDirectory, logFile);
        server.postgres = server.startServer();
        server.createDatabase();
        return server;
    }

    private EmbeddedPostgres startServer() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
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
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Stops the server (a fast shutdown: open connections are cut, as when a database fails over) and starts it again on
     * the same port and data directory, for fault tests. Only a server with a data directory can be restarted: a
     * throw-away one loses its data when it stops.
     */
    public void restart() {
        if (dataDirectory == null) {
            throw new IllegalStateException("a PostgreSQL server without a data directory cannot be restarted");
        }
        close();
        postgres = startServer();
    }

    public int port() {
        return port;
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
