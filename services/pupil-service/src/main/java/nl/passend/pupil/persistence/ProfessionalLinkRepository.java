package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.pupil.domain.ProfessionalLink;

@ApplicationScoped
public class ProfessionalLinkRepository implements PanacheRepositoryBase<ProfessionalLink, UUID> {

    public List<ProfessionalLink> ofPupil(UUID pupilId) {
        return list("pupilId = ?1 order by linkedAt", pupilId);
    }
}
