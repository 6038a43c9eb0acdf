package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An evaluation of an established version with the parents: progress per goal and what changes. */
@Entity
@Table(name = "opp_evaluation")
public class OppEvaluation {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "evaluated_on", nullable = false)
    public LocalDate evaluatedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "goal_progress", nullable = false, columnDefinition = "jsonb")
    public List<GoalProgress> goalProgress;

    public String changes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
