package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryChange;
import nl.passend.support.domain.PupilSupport;
import nl.passend.support.persistence.PupilSupportRepository;

/**
 * What other services' events change in a pupil's support state: an OPP in force or not (passend.opp),
 * and an enrolment at another school (passend.pupil, through the directory).
 */
@ApplicationScoped
public class SupportStates {

    @Inject
    PupilSupportRepository states;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /**
     * An OPP of the pupil was established (true) or closed (false), from passend.opp. Written under the
     * row's lock but without a new version: the level's ETag is the IB'er's, and an OPP established
     * meanwhile must not turn their level change into a 412.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void oppInForce(UUID pupilId, String schoolCode, boolean inForce) {
        PupilSupport state = states.lock(pupilId, schoolCode);
        em.createNativeQuery("update pupil_support set opp_in_force = ?1 where pupil_id = ?2")
                .setParameter(1, inForce).setParameter(2, pupilId).executeUpdate();
        em.refresh(state); // so that a later change in this transaction writes the new value, not the old
    }

    /**
     * A pupil enrolled at another school starts afresh there: its current level (and so its signals)
     * belongs to the new school, which sets it; the old school's entries stay in the history.
     */
    void enrolled(@Observes DirectoryChange.Enrolled enrolled) {
        PupilSupport state = states.findById(enrolled.pupilId());
        if (state != null && !state.schoolCode.equals(enrolled.schoolCode())) {
            state.schoolCode = enrolled.schoolCode();
            state.currentLevel = null;
            state.currentEntryId = null;
            state.levelSince = null;
            state.level4Since = null;
            audit.recordSystem(enrolled.pupilId(), enrolled.source(), "support.level.school-change",
                    enrolled.schoolCode());
        }
    }
}
