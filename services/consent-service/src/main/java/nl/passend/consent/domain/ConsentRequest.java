package nl.passend.consent.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.passend.events.codes.ConsentOutcome;
import nl.passend.events.codes.ConsentPurpose;
import nl.passend.events.codes.ConsentSubjectType;

/** A request for parental consent, keyed by the requester's requestId; its outcome is derived from the ledger. */
@Entity
@Table(name = "consent_request")
public class ConsentRequest {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public ConsentSubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "subject_version", nullable = false)
    public int subjectVersion;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentOutcome outcome;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    /** The guardians whose answer is needed: those with parental authority while the request is open. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consent_required_guardian", joinColumns = @JoinColumn(name = "request_id"))
    @OrderBy("addedAt, guardianId")
    public Set<RequiredGuardian> requiredGuardians = new LinkedHashSet<>();

    // version and updated_at without created_at (requested_at is the request's own): not the platform's Tracked
    @Version
    public long version;

    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;

    /** The ids of the guardians whose answer is needed, in the order they became needed. */
    public Set<UUID> requiredGuardianIds() {
        return requiredGuardians.stream().map(g -> g.guardianId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The guardian's answer is needed from {@code since} on; false when it was needed already. */
    public boolean require(UUID guardianId, Instant since) {
        return !requiredGuardianIds().contains(guardianId) && requiredGuardians.add(new RequiredGuardian(guardianId, since));
    }

    /** The guardian's answer is no longer needed (lost parental authority); false when it was not needed. */
    public boolean release(UUID guardianId) {
        return requiredGuardians.removeIf(g -> g.guardianId.equals(guardianId));
    }
}
