package nl.passend.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain SQL against the service's test database, for what a test must see or arrange beneath the
 * API (an inbox row, a directory copy, an outbox backlog). Uses the datasource the test runs with.
 */
public final class TestDb {

    private TestDb() {
    }

    /** The single number a {@code select count(*) ...} query with parameters {@code ?} answers. */
    public static long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single value (as text, null when no row) a query with parameters {@code ?} answers. */
    public static String string(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update; returns the rows changed. */
    public static int execute(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits (up to 30 s) until the count query answers {@code expected}: the consumer took the events in. */
    public static void awaitCount(String sql, long expected, Object... params) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(sql, params) == expected);
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Placeholders are {@code ?} in order, or numbered {@code ?1}, {@code ?2} as in JPA queries. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        java.util.List<Integer> order = new java.util.ArrayList<>();
        java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        while (numbered.find()) {
            order.add(Integer.parseInt(numbered.group(1)) - 1);
        }
        PreparedStatement s = c.prepareStatement(numbered.replaceAll("?"));
        if (order.isEmpty()) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
        } else {
            for (int i = 0; i < order.size(); i++) {
                s.setObject(i + 1, params[order.get(i)]);
            }
        }
        return s;
    }
}
