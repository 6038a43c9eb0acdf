package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A class (groep 1–8) of a school, e.g. "5B" in year 5. */
@Entity
@Table(name = "school_group")
public class SchoolGroup {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int year;
}
