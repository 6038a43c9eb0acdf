package nl.passend.team.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.persistence.Tracked;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import nl.passend.events.codes.CaseDecision;
import nl.passend.events.codes.ConsentOutcome;

/**
 * A pupil on a meeting's agenda: the question for the team and, once discussed, the outcome. The
 * pupil id is kept (consent is asked for the pupil) but shown by name only as the rules allow.
 */
@Entity
@Table(name = "team_case")
public class TeamCase extends Tracked {
    @Id
    public UUID id;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(nullable = false)
    public String question;

    @Column(name = "by_name", nullable = false)
    public boolean byName;

    @Column(name = "consent_request_id")
    public UUID consentRequestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_outcome")
    public ConsentOutcome consentOutcome;

    @Column(name = "consent_outcome_on")
    public LocalDate consentOutcomeOn;

    @Column(name = "discussed_on")
    public LocalDate discussedOn;

    /** Whether it was discussed by name; null until the outcome is recorded. */
    @Column(name = "discussed_named")
    public Boolean discussedNamed;

    public String discussion;

    public String advice;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<CaseDecision> decisions;

    @Column(name = "assessment_request_id")
    public UUID assessmentRequestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_outcome")
    public ConsentOutcome assessmentOutcome;

    @Column(name = "outcome_by")
    public String outcomeBy;

    @Column(name = "outcome_role")
    public String outcomeRole;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_role", nullable = false)
    public String createdRole;

    public boolean discussed() {
        return discussedOn != null;
    }
}
