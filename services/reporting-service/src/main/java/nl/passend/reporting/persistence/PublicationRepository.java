package nl.passend.reporting.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Publication;

@ApplicationScoped
public class PublicationRepository implements PanacheRepositoryBase<Publication, UUID> {

    public List<Publication> ofSwv(String swvCode) {
        return list("swvCode = ?1 order by schoolYear desc, countDate desc", swvCode);
    }

    public Optional<Publication> of(String swvCode, String schoolYear, CountDate countDate) {
        return find("swvCode = ?1 and schoolYear = ?2 and countDate = ?3", swvCode, schoolYear, countDate)
                .firstResultOptional();
    }
}
