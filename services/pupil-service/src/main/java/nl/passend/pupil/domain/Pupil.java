package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.platform.persistence.Tracked;

/**
 * A pupil, at the school of their latest enrolment. Names and birth date never leave this service in
 * events. {@code version}, {@code createdAt} (when Passend learned of the pupil) and {@code updatedAt}
 * come from {@link Tracked}.
 */
@Entity
public class Pupil extends Tracked {
    @Id
    public UUID id;

    @Column(name = "eck_id")
    public String eckId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "group_id")
    public UUID groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PupilStatus status;
}
