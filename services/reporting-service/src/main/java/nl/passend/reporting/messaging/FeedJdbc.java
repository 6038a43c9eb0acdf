package nl.passend.reporting.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC on the service's data source for the feed's thread: the projections are written in
 * batches of statements, which Hibernate would only slow down.
 */
@ApplicationScoped
public class FeedJdbc {

    @Inject
    DataSource dataSource;

    /** Work on one connection. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Runs the work on a connection of the current transaction, if any. */
    public void run(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs the work in a transaction of its own, committed when it returns. */
    public void inNewTransaction(Work work) {
        QuarkusTransaction.requiringNew().run(() -> run(work));
    }
}
