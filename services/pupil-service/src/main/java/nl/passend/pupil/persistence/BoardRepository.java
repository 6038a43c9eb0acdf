package nl.passend.pupil.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.passend.pupil.domain.Board;

@ApplicationScoped
public class BoardRepository implements PanacheRepositoryBase<Board, String> {
}
