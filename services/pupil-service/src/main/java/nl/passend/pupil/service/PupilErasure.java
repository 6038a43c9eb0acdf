package nl.passend.pupil.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.passend.platform.audit.AuditEntry;
import nl.passend.pupil.config.PupilConfig;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.RetentionPolicy;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.EnrolmentRepository;
import nl.passend.pupil.persistence.PupilRepository;

/**
 * Erases pupils whose retention period after leaving has passed, nightly and when the admin asks,
 * and publishes pupil.erased so that every other service deletes its rows too. The audit trail of
 * the pupil goes with it.
 */
@ApplicationScoped
public class PupilErasure {

    @Inject
    Clock clock;

    @Inject
    PupilConfig config;

    @Inject
    PupilRepository pupils;

    @Inject
    EnrolmentRepository enrolments;

    @Inject
    PupilEvents events;

    @Scheduled(cron = "${pupil.erasure.cron:0 30 2 * * ?}")
    void nightly() {
        eraseDue();
    }

    /** Erases every pupil whose retention period has passed today; returns how many. */
    @Transactional
    public int eraseDue() {
        LocalDate today = LocalDate.now(clock);
        RetentionPolicy policy = new RetentionPolicy(config.retention().afterLeaving(),
                config.retention().afterReferral());
        LocalDate shortest = today.minus(config.retention().afterLeaving());
        LocalDate earliest = today.minus(config.retention().afterReferral());
        LocalDate bound = shortest.isBefore(earliest) ? earliest : shortest;
        // the last enrolment of each pupil decides
        Map<UUID, Enrolment> lastByPupil = new LinkedHashMap<>();
        for (Enrolment e : enrolments.closedUpTo(bound)) {
            lastByPupil.merge(e.pupilId, e, (a, b) -> a.endDate.isAfter(b.endDate) ? a : b);
        }
        int erased = 0;
        for (Enrolment last : lastByPupil.values()) {
            boolean stillOpenElsewhere = enrolments.ofPupil(last.pupilId).stream()
                    .anyMatch(e -> e.isOpen() || e.endDate.isAfter(last.endDate));
            if (stillOpenElsewhere || !policy.isErasable(last.endDate, last.destination, today)) {
                continue;
            }
            Pupil pupil = pupils.findById(last.pupilId);
            events.erased(pupil);
            AuditEntry.delete("pupilId", pupil.id);
            pupils.delete(pupil);
            erased++;
        }
        return erased;
    }
}
