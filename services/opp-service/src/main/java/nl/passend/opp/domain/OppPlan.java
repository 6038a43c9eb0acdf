package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.OppCloseReason;
import nl.passend.events.codes.OppStatus;
import nl.passend.platform.persistence.Tracked;

/** One pupil's OPP: its versions hang under it; its status is its current version's. */
@Entity
@Table(name = "opp_plan")
public class OppPlan extends Tracked {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OppStatus status;

    /** The latest established version: the plan that applies while a newer one is in dialogue. */
    @Column(name = "in_force_version")
    public Integer inForceVersion;

    @Column(name = "first_established_on")
    public LocalDate firstEstablishedOn;

    @Column(name = "in_force_since")
    public LocalDate inForceSince;

    @Column(name = "last_evaluated_on")
    public LocalDate lastEvaluatedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public OppCloseReason closeReason;

    @Enumerated(EnumType.STRING)
    public Attention attention;

    @Column(name = "evaluation_signalled_due")
    public LocalDate evaluationSignalledDue;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public boolean closed() {
        return status == OppStatus.CLOSED;
    }

    /** Since when the evaluation clock runs: the establishment of the version in force or the last evaluation. */
    public LocalDate evaluationClockSince() {
        if (inForceSince == null) {
            return null;
        }
        return lastEvaluatedOn != null && lastEvaluatedOn.isAfter(inForceSince) ? lastEvaluatedOn : inForceSince;
    }
}
