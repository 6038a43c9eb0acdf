package nl.passend.platform.signal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The risk signals a service owns, raised once and resolved once: the service computes which signals
 * hold now, and the ledger raises each one not raised yet and resolves each raised one that no longer
 * holds. The service's table (columns {@code pupil_id, kind, subject, school_code, since, raised_at},
 * unique on the first three) remembers what is raised; the {@link Announcer} publishes and audits every
 * change in the same transaction.
 */
@ApplicationScoped
public class SignalLedger {

    /** One signal about one pupil; {@code subject} tells two signals of a kind apart ("" when the kind has none). */
    public record Signal(UUID pupilId, String kind, String subject, String schoolCode, LocalDate since) {
        public Signal {
            subject = subject == null ? "" : subject;
        }

        String key() {
            return pupilId + "/" + kind + "/" + subject;
        }
    }

    /** What the service does when a signal is raised ({@code raised} true) or resolved: publish its event, write the audit. */
    @FunctionalInterface
    public interface Announcer {
        void announce(boolean raised, Signal signal);
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * In a transaction of its own, brings {@code table} in line with the signals that hold now (as
     * {@code holdingNow} computes them, in that transaction); returns the number of raised plus resolved.
     */
    public int reconcile(String table, Supplier<? extends Collection<Signal>> holdingNow, Announcer announcer) {
        return QuarkusTransaction.requiringNew().call(() -> apply(table, holdingNow.get(), announcer));
    }

    private int apply(String table, Collection<Signal> current, Announcer announcer) {
        Set<String> holding = new HashSet<>();
        int changes = 0;
        for (Signal signal : current) {
            holding.add(signal.key());
            int inserted = em.createNativeQuery("insert into " + table + " (pupil_id, kind, subject, school_code, since,"
                    + " raised_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                    .setParameter(1, signal.pupilId()).setParameter(2, signal.kind()).setParameter(3, signal.subject())
                    .setParameter(4, signal.schoolCode()).setParameter(5, signal.since())
                    .setParameter(6, Instant.now(clock)).executeUpdate();
            if (inserted == 1) {
                announcer.announce(true, signal);
                changes++;
            }
        }
        for (Signal raised : raised(table)) {
            if (!holding.contains(raised.key())) {
                em.createNativeQuery("delete from " + table + " where pupil_id = ?1 and kind = ?2 and subject = ?3")
                        .setParameter(1, raised.pupilId()).setParameter(2, raised.kind())
                        .setParameter(3, raised.subject()).executeUpdate();
                announcer.announce(false, raised);
                changes++;
            }
        }
        return changes;
    }

    private List<Signal> raised(String table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select pupil_id, kind, subject, school_code, since from " + table + " for update").getResultList();
        return rows.stream().map(r -> new Signal((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] instanceof Date d ? d.toLocalDate() : (LocalDate) r[4])).toList();
    }
}
