package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import nl.passend.events.codes.SchoolType;

/** A school location; its code (BRIN + vestiging, e.g. 12AB00) is the tenant key. */
@Entity
public class School extends Organisation {

    @Enumerated(EnumType.STRING)
    @Column(name = "school_type", nullable = false)
    public SchoolType schoolType;

    @Column(name = "board_code", nullable = false)
    public String boardCode;

    @Column(name = "swv_code", nullable = false)
    public String swvCode;
}
