package nl.passend.opp.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A document linked to the plan by reference (a report, a test result), as the IB'er files it in the groeidocument. */
@Entity
@Table(name = "opp_document")
public class OppDocument {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String uri;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
