package nl.passend.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A rebuild of the projections from the topics, and how far it is (the feed updates the row). */
@Entity
@Table(name = "rebuild")
public class Rebuild {

    public enum State {
        REQUESTED,
        RUNNING,
        FINISHED
    }

    @Id
    public UUID id;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "events_total")
    public Long eventsTotal;

    @Column(name = "events_applied", nullable = false)
    public long eventsApplied;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** How much of the replay is done, in percent with one decimal; null before the total is known. */
    public BigDecimal percent() {
        if (eventsTotal == null) {
            return null;
        }
        if (eventsTotal == 0) {
            return BigDecimal.valueOf(100);
        }
        return BigDecimal.valueOf(eventsApplied * 100).divide(BigDecimal.valueOf(eventsTotal), 1, RoundingMode.HALF_UP);
    }

    /** Events replayed per second since the start, up to the finish or {@code now}; null before the start. */
    public Long eventsPerSecond(Instant now) {
        if (startedAt == null) {
            return null;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        return eventsApplied * 1000 / millis;
    }
}
