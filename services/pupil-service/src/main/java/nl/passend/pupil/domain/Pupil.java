package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A pupil, at the school of their latest enrolment. Names and birth date never leave this service in events. */
@Entity
public class Pupil {
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

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
}
