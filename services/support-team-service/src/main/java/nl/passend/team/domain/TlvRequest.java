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
import nl.passend.platform.persistence.Versioned;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import nl.passend.events.codes.TlvCategory;
import nl.passend.events.codes.TlvTarget;

/**
 * A request for a toelaatbaarheidsverklaring (SBO or SO): prepared by the IB'er with the experts'
 * advices, submitted by the director for the board, decided by the SWV of the school.
 */
@Entity
@Table(name = "tlv_request")
public class TlvRequest extends Versioned {
    @Id
    public UUID id;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "swv_code", nullable = false)
    public String swvCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TlvTarget target;

    @Column(nullable = false)
    public String motivation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<TlvAdvice> advices;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TlvStatus status;

    @Column(name = "prepared_by", nullable = false)
    public String preparedBy;

    @Column(name = "prepared_at", nullable = false)
    public Instant preparedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Enumerated(EnumType.STRING)
    public TlvCategory category;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "issuing_swv_code")
    public String issuingSwvCode;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_role")
    public String decidedRole;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "objection_on")
    public LocalDate objectionOn;

    @Column(name = "objection_grounds")
    public String objectionGrounds;

    @Column(name = "objection_by_role")
    public String objectionByRole;
}
