package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.passend.pupil.domain.Swv;

@ApplicationScoped
public class SwvRepository implements PanacheRepositoryBase<Swv, String> {
}
