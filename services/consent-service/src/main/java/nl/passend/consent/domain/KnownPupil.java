package nl.passend.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What consent-service knows of a pupil, learned from passend.pupil: its school. Never a name. */
@Entity
@Table(name = "pupil")
public class KnownPupil {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;
}
