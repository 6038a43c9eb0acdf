package nl.passend.pupil.domain;

import jakarta.persistence.Entity;

/** A school board (bevoegd gezag), identified by its code. */
@Entity
public class Board extends Organisation {
}
