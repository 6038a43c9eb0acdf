package nl.passend.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Concurrency failures reach the mappers in several wrappings; each must be a 409 or 412, never a 500. */
class PersistenceExceptionMappersTest {

    @Test
    void aStaleVersionIs412AlsoWhenItFailsTheCommit() {
        assertThat(status(new OptimisticLockException("stale"))).isEqualTo(412);
        assertThat(status(new StaleObjectStateException("Pupil", 1))).isEqualTo(412);
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new OptimisticLockException("stale", new StaleObjectStateException("Pupil", 1)));
        assertThat(status(new ArcUndeclaredThrowableException(atCommit))).isEqualTo(412);
        assertThat(status(atCommit)).isEqualTo(412);
    }

    @Test
    void deadlocksAndSerializationFailuresAre409Retry() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        HttpProblem problem = PersistenceExceptionMappers.problemFor(
                new PessimisticLockException("could not execute statement",
                        new LockAcquisitionException("could not execute statement", deadlock, "update pupil")));
        assertThat(problem.getStatusCode()).isEqualTo(409);
        assertThat(problem.getType().toString()).isEqualTo(Problems.TYPE_BASE + "retry");
        assertThat(status(new PersistenceException("x", new SQLException("could not serialize", "40001"))))
                .isEqualTo(409);
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new PersistenceException("flush", deadlock));
        assertThat(status(new ArcUndeclaredThrowableException(atCommit))).isEqualTo(409);
    }

    @Test
    void constraintViolationsAre409ForKeysAnd422Otherwise() {
        SQLException sql = new SQLException("violation", "23505");
        assertThat(status(new PersistenceException("x",
                new ConstraintViolationException("dup", sql, "insert", ConstraintKind.UNIQUE, "pupil_eck_id_key"))))
                .isEqualTo(409);
        assertThat(status(new ConstraintViolationException("check", sql, "insert", ConstraintKind.CHECK,
                "enrolment_check"))).isEqualTo(422);
    }

    @Test
    void anythingElseIsNotTheCallersDoing() {
        assertThat(PersistenceExceptionMappers.problemFor(new PersistenceException("connection refused",
                new SQLException("connection refused", "08001")))).isNull();
        assertThat(PersistenceExceptionMappers.problemFor(new ArcUndeclaredThrowableException(
                new RollbackException("timeout")))).isNull();
    }

    private static int status(Throwable e) {
        return PersistenceExceptionMappers.problemFor(e).getStatusCode();
    }
}
