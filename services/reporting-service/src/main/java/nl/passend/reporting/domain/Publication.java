package nl.passend.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An SWV's report for a count date, frozen when published: erasures later do not change it. */
@Entity
@Table(name = "publication")
public class Publication {

    @Id
    public UUID id;

    @Column(name = "swv_code", nullable = false)
    public String swvCode;

    @Column(name = "school_year", nullable = false)
    public String schoolYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "count_date", nullable = false)
    public CountDate countDate;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /** The report as it was served, JSON. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String report;
}
