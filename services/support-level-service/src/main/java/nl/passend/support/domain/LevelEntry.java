package nl.passend.support.domain;

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
import nl.passend.events.codes.SupportDomain;
import nl.passend.events.codes.SupportLevel;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a pupil's support level history: never changed; a correction is a new entry. */
@Entity
@Table(name = "level_entry")
public class LevelEntry {
    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "pupil_id", nullable = false)
    public UUID pupilId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_level")
    public SupportLevel previousLevel;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(nullable = false)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<SupportDomain> domains;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "corrects_entry_id")
    public UUID correctsEntryId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_role", nullable = false)
    public String recordedRole;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
