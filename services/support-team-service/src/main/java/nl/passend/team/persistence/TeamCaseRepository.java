package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.team.domain.TeamCase;

@ApplicationScoped
public class TeamCaseRepository implements PanacheRepositoryBase<TeamCase, UUID> {

    public Optional<TeamCase> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(TeamCase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<TeamCase> ofMeeting(UUID meetingId) {
        return list("meetingId = ?1 order by createdAt, id", meetingId);
    }

    public List<TeamCase> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by createdAt desc, id", pupilId);
    }

    public boolean onAgenda(UUID meetingId, UUID pupilId) {
        return count("meetingId = ?1 and pupilId = ?2", meetingId, pupilId) > 0;
    }

    /** The discussed cases of a school's pupils: where the repeated-discussion signal looks. */
    public List<TeamCase> discussedAt(String schoolCode) {
        return list("schoolCode = ?1 and discussedOn is not null order by pupilId, discussedOn", schoolCode);
    }

    public List<TeamCase> discussed() {
        return list("discussedOn is not null order by pupilId, discussedOn");
    }
}
