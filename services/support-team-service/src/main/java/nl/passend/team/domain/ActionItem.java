package nl.passend.team.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.platform.persistence.Versioned;

/** What someone in a function is to do after a case was discussed, by a due date. */
@Entity
@Table(name = "action_item")
public class ActionItem extends Versioned {
    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_function", nullable = false)
    public AttendeeFunction ownerFunction;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "done_on")
    public LocalDate doneOn;

    @Column(name = "done_by")
    public String doneBy;
}
