package nl.passend.opp.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.events.codes.OppStatus;
import nl.passend.opp.domain.OppPlan;

@ApplicationScoped
public class OppPlanRepository implements PanacheRepositoryBase<OppPlan, UUID> {

    /** The plan with its row locked until the transaction ends: changes to one plan happen one after the other. */
    public Optional<OppPlan> lock(UUID id) {
        return Optional.ofNullable(getEntityManager().find(OppPlan.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Counts a change: the plan's version (its ETag) goes up now, whatever part of it changed. */
    public void bump(OppPlan plan) {
        getEntityManager().lock(plan, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    public List<OppPlan> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by createdAt desc, id", pupilId);
    }

    /** The pupil's plans that are not closed, locked. */
    public List<OppPlan> openOfPupilLocked(UUID pupilId) {
        return getEntityManager().createQuery("from OppPlan where pupilId = ?1 and status <> ?2 order by id", OppPlan.class)
                .setParameter(1, pupilId).setParameter(2, OppStatus.CLOSED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The pupil's plans that are not closed (at most one). */
    public List<OppPlan> openOfPupil(UUID pupilId) {
        return list("pupilId = ?1 and status <> ?2 order by id", pupilId, OppStatus.CLOSED);
    }

    /** Whether the pupil has a plan with an established version in force that is not closed. */
    public boolean hasPlanInForce(UUID pupilId) {
        return count("pupilId = ?1 and inForceVersion is not null and status <> ?2", pupilId, OppStatus.CLOSED) > 0;
    }

    /** Plans in force (established, not closed) of a school: their evaluations fall due. */
    public List<OppPlan> inForceOfSchool(String schoolCode) {
        return list("schoolCode = ?1 and inForceVersion is not null and status <> ?2 order by id", schoolCode,
                OppStatus.CLOSED);
    }

    /** Every plan in force anywhere, for the overdue job. */
    public List<UUID> inForceIds() {
        return getEntityManager().createQuery(
                "select p.id from OppPlan p where p.inForceVersion is not null and p.status <> ?1 order by p.id", UUID.class)
                .setParameter(1, OppStatus.CLOSED).getResultList();
    }

    /** Every plan of a school that was ever established: the ROD export. */
    public List<OppPlan> everEstablishedOfSchool(String schoolCode) {
        return list("schoolCode = ?1 and firstEstablishedOn is not null order by firstEstablishedOn, id", schoolCode);
    }
}
