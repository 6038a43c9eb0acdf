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
import nl.passend.platform.persistence.Tracked;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import nl.passend.events.codes.MeetingType;

/** A support-team, BOT or multidisciplinary meeting of one school, with who takes part. */
@Entity
@Table(name = "meeting")
public class Meeting extends Tracked {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "meeting_type", nullable = false)
    public MeetingType type;

    @Column(name = "meeting_date", nullable = false)
    public LocalDate date;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Attendee> attendees;

    @Column(nullable = false)
    public boolean held;

    @Column(name = "held_at")
    public Instant heldAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_role", nullable = false)
    public String createdRole;

    public boolean outsidersPresent() {
        return TeamRules.outsidersPresent(attendees);
    }
}
