package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The OPP clock for one pupil: started by an SBO/SO enrolment, the move to level 4 or an arrangement,
 * due 6 weeks later; fulfilled when an OPP of the pupil is established, dropped when the pupil leaves.
 */
@Entity
@Table(name = "opp_due")
public class OppDue {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DueReason reason;

    /** What started it, e.g. {@code arrangement:<id>}: the same start never counts twice. */
    @Column(name = "source_ref", nullable = false)
    public String sourceRef;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "fulfilled_on")
    public LocalDate fulfilledOn;

    @Column(name = "dropped_on")
    public LocalDate droppedOn;

    @Column(name = "signalled_at")
    public Instant signalledAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public boolean open() {
        return fulfilledOn == null && droppedOn == null;
    }
}
