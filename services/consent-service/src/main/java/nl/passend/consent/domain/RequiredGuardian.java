package nl.passend.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A guardian whose answer a request needs, and since when: from the request when the guardian had
 * parental authority then, or from when the authority became known. A read as of an earlier day
 * leaves out a guardian needed only later.
 */
@Embeddable
public class RequiredGuardian {

    @Column(name = "guardian_id", nullable = false)
    public UUID guardianId;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    protected RequiredGuardian() {
        // for JPA
    }

    public RequiredGuardian(UUID guardianId, Instant addedAt) {
        this.guardianId = guardianId;
        this.addedAt = addedAt.truncatedTo(ChronoUnit.MICROS); // as the database keeps it
    }

    // a value: the collection's rows are matched by their content
    @Override
    public boolean equals(Object o) {
        return o instanceof RequiredGuardian other && Objects.equals(guardianId, other.guardianId)
                && Objects.equals(addedAt, other.addedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(guardianId, addedAt);
    }
}
