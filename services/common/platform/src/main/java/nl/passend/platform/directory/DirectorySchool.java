package nl.passend.platform.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.passend.events.codes.SchoolType;

/** A school as passend.pupil describes it: its type, board and SWV. */
@Entity
@Table(name = "directory_school")
public class DirectorySchool {
    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "school_type", nullable = false)
    public SchoolType schoolType;

    @Column(name = "board_code")
    public String boardCode;

    @Column(name = "swv_code")
    public String swvCode;
}
