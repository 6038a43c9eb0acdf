package nl.passend.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
}
