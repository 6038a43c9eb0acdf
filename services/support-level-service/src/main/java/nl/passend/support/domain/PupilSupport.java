package nl.passend.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.SupportLevel;
import nl.passend.platform.persistence.Versioned;

/** A pupil's current support level (its ETag is the version) and what the signals need to know. */
@Entity
@Table(name = "pupil_support")
public class PupilSupport extends Versioned {
    @Id
    @Column(name = "pupil_id")
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_level")
    public SupportLevel currentLevel;

    @Column(name = "current_entry_id")
    public UUID currentEntryId;

    @Column(name = "level_since")
    public LocalDate levelSince;

    /** Since when the pupil is at LEVEL_4 without a break; null below LEVEL_4. */
    @Column(name = "level4_since")
    public LocalDate level4Since;

    /** Whether an OPP of the pupil is established and not closed (from passend.opp). */
    @Column(name = "opp_in_force", nullable = false)
    public boolean oppInForce;
}
