package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.passend.pupil.domain.School;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, String> {
}
