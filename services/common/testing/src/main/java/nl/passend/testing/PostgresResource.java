package nl.passend.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a real PostgreSQL server (zonky embedded binaries, files under {@code target/embedded-pg}) on
 * a random loopback port, creates the service's database (init arg {@code database}, default
 * {@code app}) and points the Quarkus datasource at it. One server per test JVM.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = startServer();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
            statement.execute("CREATE DATABASE \"" + database + "\"");
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.getJdbcUrl("postgres", database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static synchronized EmbeddedPostgres startServer() {
        if (server == null) {
            File workDir = new File("target/embedded-pg").getAbsoluteFile();
            File dataDir = new File(workDir, "data-" + UUID.randomUUID());
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(workDir)
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "100")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }
}
