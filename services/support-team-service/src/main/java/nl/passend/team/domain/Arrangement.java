package nl.passend.team.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.ArrangementKind;
import nl.passend.events.codes.FundingSource;
import nl.passend.platform.persistence.Tracked;

/** Extra support granted for a pupil by the school's board or the SWV, for a period. */
@Entity
@Table(name = "arrangement")
public class Arrangement extends Tracked {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ArrangementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_source", nullable = false)
    public FundingSource fundingSource;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public String description;

    @Column(nullable = false)
    public boolean ended;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_role", nullable = false)
    public String createdRole;
}
