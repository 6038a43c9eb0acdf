package nl.passend.platform.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database outcomes that are the caller's doing, not a server fault: a concurrent edit that won the
 * race (412, like a stale If-Match), a unique key taken by a concurrent writer (409), and a deadlock,
 * serialization failure or lock wait that lost (409, retry). The cause may arrive wrapped: failures
 * at commit come as a {@link RollbackException}, often inside an {@link ArcUndeclaredThrowableException},
 * and Hibernate wraps lock failures in a {@link PersistenceException}; so the whole cause chain counts.
 */
public class PersistenceExceptionMappers {

    private static final Logger LOG = Logger.getLogger(PersistenceExceptionMappers.class);

    /** PostgreSQL's deadlock_detected and serialization_failure: the transaction may simply be retried. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response rollback(RollbackException e) {
        return toResponse(e);
    }

    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e) {
        return toResponse(e);
    }

    private static Response toResponse(Throwable e) {
        HttpProblem problem = problemFor(e);
        if (problem == null) {
            LOG.error("request failed in the persistence layer", e);
            problem = Problems.of(500, "internal-error", "Internal server error", "the request could not be completed");
        }
        return problem.toResponse();
    }

    /** The problem for the first cause in the chain that is the caller's doing; null if none is. */
    static HttpProblem problemFor(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.staleVersion("the resource was changed concurrently; read it again and retry");
            }
            // Hibernate's PessimisticLockException includes its LockAcquisitionException (a deadlock)
            if (cause instanceof PessimisticLockException || cause instanceof org.hibernate.PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof SQLException sql && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                return Problems.conflict("retry", "a concurrent change got in the way; retry the request");
            }
            if (cause instanceof ConstraintViolationException violation) {
                if (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                    return Problems.conflict("duplicate",
                            "a resource with the same key was written concurrently; retry");
                }
                return Problems.unprocessable("constraint-violated", "the change violates a rule of the data: "
                        + violation.getConstraintName());
            }
        }
        return null;
    }
}
