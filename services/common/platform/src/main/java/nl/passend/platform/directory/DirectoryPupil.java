package nl.passend.platform.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;

/** A pupil as passend.pupil describes it: its (last) school, when it enrolled there, and whether it left. */
@Entity
@Table(name = "directory_pupil")
public class DirectoryPupil {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "enrolled_on")
    public LocalDate enrolledOn;

    /** Set when the pupil left {@link #schoolCode}; cleared when it enrols again. */
    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "leaving_destination")
    public LeavingDestination leavingDestination;

    public boolean active() {
        return leftOn == null;
    }
}
