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
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ExpectedDestination;
import nl.passend.events.codes.OppStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of an OPP: its content, its own status, the consent asked for it, and its establishment. */
@Entity
@Table(name = "opp_version")
public class OppVersion {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OppStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public PlanContent content;

    @Enumerated(EnumType.STRING)
    @Column(name = "expected_destination", nullable = false)
    public ExpectedDestination expectedDestination;

    @Column(name = "destination_decided_on")
    public LocalDate destinationDecidedOn;

    @Column(name = "destination_decision_ref")
    public String destinationDecisionRef;

    /** The consent request that counts for this version: the latest one asked. */
    @Column(name = "consent_request_id")
    public UUID consentRequestId;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_outcome")
    public ConsentOutcome consentOutcome;

    @Column(name = "consent_outcome_on")
    public LocalDate consentOutcomeOn;

    @Column(name = "established_by")
    public String establishedBy;

    @Column(name = "established_role")
    public String establishedRole;

    @Column(name = "established_at")
    public Instant establishedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public DestinationDecision destinationDecision() {
        return destinationDecidedOn == null ? null : new DestinationDecision(destinationDecidedOn, destinationDecisionRef);
    }
}
