package nl.passend.support.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.http.AsOf;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.platform.security.PupilAccess;
import nl.passend.support.domain.LevelEntry;
import nl.passend.support.domain.PupilSupport;
import nl.passend.support.domain.SupportAsOf;
import nl.passend.support.domain.SupportRules;
import nl.passend.support.messaging.SupportEvents;
import nl.passend.support.persistence.LevelEntryRepository;
import nl.passend.support.persistence.PupilSupportRepository;

/**
 * A pupil's support level and its history. The IB'er changes it; every change is a new entry with
 * date, reason, domains and who decided; a correction is a new entry that names the entry it
 * corrects. The pupil's row is locked and If-Match checked, so two changes never both win.
 */
@ApplicationScoped
public class LevelService {

    @Inject
    PupilAccess access;

    @Inject
    Clock clock;

    @Inject
    LevelEntryRepository entries;

    @Inject
    PupilSupportRepository states;

    @Inject
    SupportGuard guard;

    @Inject
    SupportEvents events;

    @Inject
    AuditLog audit;

    public record LevelChange(SupportLevel level, LocalDate effectiveDate, String reason, List<SupportDomain> domains,
            String decidedBy, UUID correctsEntryId) {
    }

    /** The current level with the ETag to change it (version 0 while the pupil has no level yet). */
    public record Current(UUID pupilId, PupilSupport state, LevelEntry entry) {
        public long version() {
            return state == null ? 0 : state.version;
        }
    }

    @Transactional
    public Current current(UUID pupilId) {
        String role = guard.pupil(pupilId, SupportGuard.READERS);
        audit.record(pupilId, role, "support.level.read");
        return currentOf(pupilId);
    }

    /**
     * The level as it stood at the end of the day: the latest entry known then (null before the
     * first). Authorized as the current level is, and audited with the day.
     */
    @Transactional
    public Current current(UUID pupilId, AsOf asOf) {
        if (asOf == null) {
            return current(pupilId);
        }
        String role = guard.pupil(pupilId, SupportGuard.READERS);
        audit.record(pupilId, role, "support.level.read", asOf.audit());
        return new Current(pupilId, null, SupportAsOf.current(SupportAsOf.history(entries.ofPupil(pupilId), asOf)));
    }

    @Transactional
    public List<LevelEntry> history(UUID pupilId) {
        return history(pupilId, null);
    }

    /** The history, or with {@code asOf} the entries known at the end of that day; audited with the day. */
    @Transactional
    public List<LevelEntry> history(UUID pupilId, AsOf asOf) {
        String role = guard.pupil(pupilId, SupportGuard.READERS);
        audit.record(pupilId, role, "support.level.history", asOf == null ? null : asOf.audit());
        // a school's staff see their own school's entries, not those of a school the pupil came from
        String school = guard.knownPupil(pupilId).schoolCode;
        List<LevelEntry> recorded = entries.ofPupil(pupilId);
        return (asOf == null ? recorded : SupportAsOf.history(recorded, asOf)).stream()
                .filter(e -> !SupportGuard.isStaff(role) || e.schoolCode.equals(school)).toList();
    }

    @Transactional
    public Current change(UUID pupilId, ExpectedVersion expected, LevelChange change) {
        DirectoryPupil pupil = guard.knownPupil(pupilId);
        String role = guard.pupil(pupilId, Roles.IB);
        if (!access.stillThere(pupil)) {
            throw Problems.conflict("pupil-left", "the pupil left " + pupil.schoolCode + " on " + pupil.leftOn);
        }
        PupilSupport state = states.lock(pupilId, pupil.schoolCode);
        expected.require(state.version);
        LevelEntry current = state.currentEntryId == null ? null : entries.findById(state.currentEntryId);
        LevelEntry corrected = null;
        SupportLevel before = state.currentLevel;
        if (change.correctsEntryId() != null) {
            if (current == null || !current.id.equals(change.correctsEntryId())) {
                throw Problems.unprocessable("not-the-current-entry",
                        "only the current entry of the pupil's history can be corrected; " + change.correctsEntryId()
                                + " is not it");
            }
            corrected = current;
            before = corrected.previousLevel;
        }
        SupportRules.checkLevelChange(state.currentLevel, change.level(), change.effectiveDate(),
                current == null ? null : current.effectiveDate, LocalDate.now(clock), corrected != null);

        LevelEntry entry = new LevelEntry();
        entry.id = UUID.randomUUID();
        entry.pupilId = pupilId;
        entry.schoolCode = pupil.schoolCode;
        entry.level = change.level();
        entry.previousLevel = before;
        entry.effectiveDate = change.effectiveDate();
        entry.reason = change.reason();
        entry.domains = List.copyOf(change.domains());
        entry.decidedBy = change.decidedBy();
        entry.correctsEntryId = change.correctsEntryId();
        entry.recordedBy = guard.subject();
        entry.recordedRole = role;
        entry.recordedAt = Instant.now(clock);
        entries.persist(entry);

        boolean wasLevel4 = before == SupportLevel.LEVEL_4;
        boolean isLevel4 = change.level() == SupportLevel.LEVEL_4;
        state.currentLevel = change.level();
        state.currentEntryId = entry.id;
        state.levelSince = change.effectiveDate();
        if (isLevel4 && !wasLevel4) {
            state.level4Since = change.effectiveDate();
        } else if (!isLevel4) {
            state.level4Since = null;
        }
        states.flush();
        events.levelChanged(entry);
        if (isLevel4 && !wasLevel4 && !(corrected != null && corrected.level == SupportLevel.LEVEL_4)) {
            events.extraSupportStarted(entry);
        }
        audit.record(pupilId, role, corrected == null ? "support.level.change" : "support.level.correct",
                before + " -> " + change.level());
        return new Current(pupilId, state, entry);
    }

    private Current currentOf(UUID pupilId) {
        PupilSupport state = states.findById(pupilId);
        LevelEntry entry = state == null || state.currentEntryId == null ? null : entries.findById(state.currentEntryId);
        return new Current(pupilId, state, entry);
    }
}
