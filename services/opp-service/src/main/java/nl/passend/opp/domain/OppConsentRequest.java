package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A request for the parents' consent to one version's action part, and when it was made. Appended, never changed. */
@Entity
@Table(name = "opp_consent_request")
public class OppConsentRequest {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
}
