package nl.passend.pupil.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;

/** A pupil's time at one school: start, and on leaving the end date and destination (what referral figures count). */
@Entity
public class Enrolment {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The student information system's own id of the pupil, unique per school. */
    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    public LeavingDestination destination;

    @Column(name = "destination_school_code")
    public String destinationSchoolCode;

    public boolean isOpen() {
        return endDate == null;
    }
}
