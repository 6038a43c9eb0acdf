package nl.passend.platform.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database outcomes that are the caller's doing, not a server fault: a concurrent edit that won the
 * race (412, like a stale If-Match) and a unique key taken by a concurrent writer (409).
 */
public class PersistenceExceptionMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return Problems.staleVersion("the resource was changed concurrently; read it again and retry").toResponse();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return Problems.staleVersion("the resource was changed concurrently; read it again and retry").toResponse();
    }

    @ServerExceptionMapper
    public Response uniqueViolation(ConstraintViolationException e) {
        if (e.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
            return Problems.conflict("duplicate", "a resource with the same key was written concurrently; retry")
                    .toResponse();
        }
        return Problems.unprocessable("constraint-violated", "the change violates a rule of the data: "
                + e.getConstraintName()).toResponse();
    }
}
