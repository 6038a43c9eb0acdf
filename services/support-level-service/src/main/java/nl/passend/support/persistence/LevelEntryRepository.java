package nl.passend.support.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.support.domain.LevelEntry;

@ApplicationScoped
public class LevelEntryRepository implements PanacheRepositoryBase<LevelEntry, UUID> {

    /** The pupil's history in the order it was recorded. */
    public List<LevelEntry> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by seq", pupilId);
    }
}
