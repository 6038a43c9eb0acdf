package nl.passend.platform.directory;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.SchoolType;

/**
 * What the directory learned from passend.pupil, fired as a synchronous CDI event after the
 * directory is updated, in the consumer's transaction: a service observes the changes it must react
 * to ({@code void on(@Observes DirectoryChange.Left left)}) instead of parsing pupil events again.
 * {@code source} is the event's source, for the audit trail.
 */
public sealed interface DirectoryChange {

    UUID pupilId();

    record Enrolled(UUID pupilId, String schoolCode, LocalDate effectiveDate, String source)
            implements DirectoryChange {
    }

    record Left(UUID pupilId, String schoolCode, LeavingDestination destination, LocalDate effectiveDate,
            String source) implements DirectoryChange {
    }

    /** A guardian gained or lost parental authority (or was removed: lost). */
    record GuardianAuthority(UUID pupilId, UUID guardianId, boolean hasParentalAuthority, String source)
            implements DirectoryChange {
    }

    /** Erasure after the retention period: the directory's rows are gone; the service deletes its own. */
    record Erased(UUID pupilId, String source) implements DirectoryChange {
    }

    /** A school was registered or changed type; not about one pupil. */
    record SchoolTyped(String schoolCode, SchoolType schoolType, String source) implements DirectoryChange {
        @Override
        public UUID pupilId() {
            return null;
        }
    }
}
