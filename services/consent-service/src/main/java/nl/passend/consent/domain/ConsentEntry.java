package nl.passend.consent.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the append-only ledger: a guardian's answer or withdrawal, when, how and recorded by whom. */
@Entity
@Table(name = "consent_entry")
public class ConsentEntry {
    @Id
    public UUID id;

    /** Order of recording; assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(name = "guardian_id", nullable = false, updatable = false)
    public UUID guardianId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EntryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false, updatable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
