package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import nl.passend.pupil.domain.SchoolGroup;

@ApplicationScoped
public class SchoolGroupRepository implements PanacheRepositoryBase<SchoolGroup, UUID> {

    public List<SchoolGroup> ofSchool(String schoolCode) {
        return list("schoolCode = ?1 order by year, name", schoolCode);
    }
}
