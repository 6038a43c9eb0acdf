package nl.passend.support.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import nl.passend.events.codes.SupportDomain;
import nl.passend.platform.persistence.Tracked;

/** A handelingsplan at level 3: goal, approach, a group of pupils, a period, and its evaluation. */
@Entity
@Table(name = "action_plan")
public class ActionPlan extends Tracked {
    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SupportDomain domain;

    @Column(nullable = false)
    public String goal;

    @Column(nullable = false)
    public String approach;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public String evaluation;

    @Column(name = "evaluated_on")
    public LocalDate evaluatedOn;

    @Column(nullable = false)
    public boolean ended;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "action_plan_pupil", joinColumns = @JoinColumn(name = "action_plan_id"))
    @Column(name = "pupil_id")
    public Set<UUID> pupils = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
