package nl.passend.pupil.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.platform.problem.Problems;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.GuardianRepository;

/**
 * A pupil's guardians as the student information system sends them: the list sent replaces the
 * guardians kept. A guardian is matched by the system's externalId. A pupil moving in from another
 * school brings guardians numbered by that school's system: there an equal externalId is the same
 * guardian only if the name is equal too; otherwise the old one is removed and a new one added, so
 * that a login linked to one person never passes to another.
 */
@ApplicationScoped
public class GuardianSync {

    @Inject
    GuardianRepository guardians;

    @Inject
    PupilEvents events;

    @Inject
    EntityManager em;

    /** Replaces {@code current} with {@code wanted} (null: keep them as they are); true if anything changed. */
    public boolean replace(Pupil pupil, List<SyncedGuardian> wanted, List<Guardian> current, boolean movingIn) {
        if (wanted == null) {
            return false;
        }
        Map<String, SyncedGuardian> wantedByExternalId = byExternalId(pupil, wanted);
        Map<String, Guardian> kept = new HashMap<>();
        boolean changed = false;
        for (Guardian g : current) {
            SyncedGuardian w = wantedByExternalId.get(g.externalId);
            if (w != null && (!movingIn || sameName(g, w))) {
                kept.put(g.externalId, g);
            } else {
                guardians.delete(g);
                events.guardian(EventType.GUARDIAN_REMOVED, pupil, g);
                changed = true;
            }
        }
        if (changed) {
            em.flush(); // a removed guardian's externalId may be taken again below
        }
        for (SyncedGuardian w : wanted) {
            Guardian g = kept.get(w.externalId());
            changed |= g == null ? add(pupil, w) : change(pupil, g, w);
        }
        return changed;
    }

    private static Map<String, SyncedGuardian> byExternalId(Pupil pupil, List<SyncedGuardian> wanted) {
        Map<String, SyncedGuardian> byExternalId = new HashMap<>();
        for (SyncedGuardian w : wanted) {
            if (byExternalId.put(w.externalId(), w) != null) {
                throw Problems.unprocessable("duplicate-guardian",
                        "guardian " + w.externalId() + " occurs twice for pupil " + pupil.externalId);
            }
        }
        return byExternalId;
    }

    private boolean add(Pupil pupil, SyncedGuardian w) {
        Guardian g = new Guardian();
        g.id = UUID.randomUUID();
        g.pupilId = pupil.id;
        g.externalId = w.externalId();
        g.givenName = w.givenName();
        g.familyName = w.familyName();
        g.hasParentalAuthority = w.hasParentalAuthority();
        guardians.persist(g);
        events.guardian(EventType.GUARDIAN_ADDED, pupil, g);
        return true;
    }

    /** Names and authority as sent; only a change of parental authority is an event (names never leave). */
    private boolean change(Pupil pupil, Guardian g, SyncedGuardian w) {
        boolean authorityChanged = g.hasParentalAuthority != w.hasParentalAuthority();
        if (sameName(g, w) && !authorityChanged) {
            return false;
        }
        g.givenName = w.givenName();
        g.familyName = w.familyName();
        g.hasParentalAuthority = w.hasParentalAuthority();
        if (authorityChanged) {
            events.guardian(EventType.GUARDIAN_CHANGED, pupil, g);
        }
        return true;
    }

    private static boolean sameName(Guardian g, SyncedGuardian w) {
        return g.givenName.equals(w.givenName()) && g.familyName.equals(w.familyName());
    }
}
