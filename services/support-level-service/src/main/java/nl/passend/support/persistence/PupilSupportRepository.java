package nl.passend.support.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.SupportLevel;
import nl.passend.support.domain.PupilSupport;

@ApplicationScoped
public class PupilSupportRepository implements PanacheRepositoryBase<PupilSupport, UUID> {

    /** The pupil's row, created empty when missing, locked until the transaction ends: level changes happen one at a time. */
    public PupilSupport lock(UUID pupilId, String schoolCode) {
        getEntityManager().createNativeQuery(
                "insert into pupil_support (pupil_id, school_code) values (?1, ?2) on conflict (pupil_id) do nothing")
                .setParameter(1, pupilId).setParameter(2, schoolCode).executeUpdate();
        return getEntityManager().find(PupilSupport.class, pupilId, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<PupilSupport> atLevel4(String schoolCode) {
        return list("schoolCode = ?1 and currentLevel = ?2 order by pupilId", schoolCode, SupportLevel.LEVEL_4);
    }

    public List<PupilSupport> atLevel4() {
        return list("currentLevel = ?1 order by pupilId", SupportLevel.LEVEL_4);
    }
}
