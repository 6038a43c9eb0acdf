package nl.passend.team.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.team.domain.TlvRequest;
import nl.passend.team.domain.TlvStatus;

@ApplicationScoped
public class TlvRequestRepository implements PanacheRepositoryBase<TlvRequest, UUID> {

    public Optional<TlvRequest> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(TlvRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public List<TlvRequest> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by preparedAt desc, id", pupilId);
    }

    /** What an SWV has to decide or decided: every request once submitted. */
    public List<TlvRequest> ofSwv(String swvCode, List<TlvStatus> statuses) {
        return list("swvCode = ?1 and status in ?2 order by submittedOn, id", swvCode, statuses);
    }

    public boolean openFor(UUID pupilId, String schoolCode) {
        return count("pupilId = ?1 and schoolCode = ?2 and status in ?3", pupilId, schoolCode,
                List.of(TlvStatus.DRAFT, TlvStatus.SUBMITTED)) > 0;
    }
}
