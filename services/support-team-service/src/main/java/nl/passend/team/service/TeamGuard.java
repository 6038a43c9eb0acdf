package nl.passend.team.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import nl.passend.events.codes.MeetingType;
import nl.passend.platform.directory.DirectoryPupil;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.AccessGuard;
import nl.passend.platform.security.PupilAccess;
import nl.passend.platform.security.Roles;
import nl.passend.team.domain.Meeting;
import nl.passend.team.domain.TeamCase;
import nl.passend.team.domain.TlvRequest;
import nl.passend.team.domain.TlvStatus;
import nl.passend.team.config.TeamConfig;

/**
 * Who may do what here: the school's staff manage its meetings; the SWV consultant reads and writes
 * the BOT meetings of schools in their SWV and decides TLVs (or the role the SWV configured);
 * parents read the outcome of cases about their own child; nobody else sees a case. Anything the
 * caller may not see is answered 404.
 */
@ApplicationScoped
public class TeamGuard extends AccessGuard {

    /** The school's staff, strongest role first: the role access is granted and audited under. */
    static final String[] STAFF = {Roles.IB, Roles.DIRECTOR, Roles.TEACHER};

    @Inject
    TeamConfig config;

    /** Whether the caller is an SWV consultant of the SWV the school belongs to. */
    public boolean swvConsultantOf(String schoolCode) {
        return caller.hasRole(Roles.SWV_CONSULTANT) && ownSwv(schoolCode);
    }

    /** The role under which the caller creates a meeting of this type for the school; 404 otherwise. */
    public String newMeeting(String schoolCode, MeetingType type) {
        Optional<String> staff = access.schoolRole(schoolCode, STAFF);
        if (staff.isPresent()) {
            return staff.get();
        }
        if (type == MeetingType.BOT && swvConsultantOf(schoolCode)) {
            return Roles.SWV_CONSULTANT;
        }
        throw Problems.notFound("school " + schoolCode);
    }

    /** The role under which the caller reads and manages the meeting: its school's staff, or the SWV for a BOT. */
    public Optional<String> meetingRole(Meeting meeting) {
        Optional<String> staff = access.schoolRole(meeting.schoolCode, STAFF);
        if (staff.isPresent()) {
            return staff;
        }
        if (meeting.type == MeetingType.BOT && swvConsultantOf(meeting.schoolCode)) {
            return Optional.of(Roles.SWV_CONSULTANT);
        }
        return Optional.empty();
    }

    public String meeting(Meeting meeting) {
        return meetingRole(meeting).orElseThrow(() -> Problems.notFound("meeting " + meeting.id));
    }

    /**
     * The role under which the caller sees a case: the school's staff while the pupil is at the
     * school, the SWV consultant in a BOT of their SWV, a parent for their own child once the case
     * was discussed.
     */
    public Optional<String> caseRole(TeamCase teamCase, Meeting meeting) {
        DirectoryPupil pupil = directory.pupil(teamCase.pupilId).orElse(null);
        if (pupil == null) {
            return Optional.empty();
        }
        for (String role : STAFF) {
            if (caller.hasRole(role) && caller.worksAt(teamCase.schoolCode) && access.may(role, pupil)) {
                return Optional.of(role);
            }
        }
        if (meeting.type == MeetingType.BOT && swvConsultantOf(meeting.schoolCode)) {
            return Optional.of(Roles.SWV_CONSULTANT);
        }
        if (caller.hasRole(Roles.PARENT) && teamCase.discussed() && access.may(Roles.PARENT, pupil)) {
            return Optional.of(Roles.PARENT);
        }
        return Optional.empty();
    }

    /** A case is written by whom manages its meeting; the school's staff only while the pupil is at the school. */
    public String manageCase(TeamCase teamCase, Meeting meeting) {
        return caseRole(teamCase, meeting).filter(r -> !r.equals(Roles.PARENT))
                .orElseThrow(() -> Problems.notFound("case " + teamCase.id));
    }

    /** Whether the caller may decide this TLV: the SWV's deciding role, within that SWV. */
    public boolean mayDecide(TlvRequest tlv) {
        return caller.hasRole(config.tlv().deciderRole(tlv.swvCode)) && caller.swv().map(tlv.swvCode::equals).orElse(false);
    }

    /** The role under which the caller reads a TLV request: school staff, the parents, and its SWV's deciders once submitted. */
    public Optional<String> tlvRole(TlvRequest tlv) {
        Optional<String> role = pupilRole(tlv.pupilId, Roles.IB, Roles.DIRECTOR, Roles.PARENT)
                .filter(r -> !PupilAccess.forSchool(r) || knownPupil(tlv.pupilId).schoolCode.equals(tlv.schoolCode));
        if (role.isPresent()) {
            return role;
        }
        if (tlv.status != TlvStatus.DRAFT && mayDecide(tlv)) {
            return Optional.of(config.tlv().deciderRole(tlv.swvCode));
        }
        return Optional.empty();
    }

    public Optional<String> swv() {
        return caller.swv();
    }

    public boolean hasRole(String role) {
        return caller.hasRole(role);
    }
}
