package nl.passend.testing;

import java.time.LocalDate;
import java.util.UUID;
import nl.passend.events.EventType;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.pupil.ProfessionalLinkChanged;
import nl.passend.events.pupil.PupilLeft;

/**
 * Changes pupil-service publishes on passend.pupil that a service's pupil directory takes in, sent to
 * the test broker; each returns when the directory of the service under test shows it.
 */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    /** A care professional linked to a pupil: the link (to unlink it), the login and its token. */
    public record Professional(UUID linkId, String account, String token) {
    }

    /** The IB'er linked a care professional to the pupil (PROFESSIONAL_LINKED). */
    public static Professional linkProfessional(UUID pupilId, String schoolCode) {
        UUID linkId = UUID.randomUUID();
        String account = "care-" + UUID.randomUUID();
        TestEvents.send(EventType.PROFESSIONAL_LINKED, pupilId.toString(), schoolCode,
                new ProfessionalLinkChanged(pupilId, linkId, account, null, schoolCode, TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_professional where link_id = ?", 1, linkId);
        return new Professional(linkId, account, TestTokens.subject(account).roles("care-professional").sign());
    }

    /** The link was taken back (PROFESSIONAL_UNLINKED). */
    public static void unlinkProfessional(UUID pupilId, String schoolCode, Professional professional) {
        TestEvents.send(EventType.PROFESSIONAL_UNLINKED, pupilId.toString(), schoolCode,
                new ProfessionalLinkChanged(pupilId, professional.linkId(), professional.account(), null, schoolCode,
                        TestClock.today()));
        TestDb.awaitCount("select count(*) from directory_professional where link_id = ?", 0, professional.linkId());
    }

    /** The pupil left its school on {@code on} for {@code destination} (PUPIL_LEFT). */
    public static void left(UUID pupilId, String schoolCode, LocalDate on, LeavingDestination destination) {
        TestEvents.send(EventType.PUPIL_LEFT, pupilId.toString(), schoolCode,
                new PupilLeft(pupilId, UUID.randomUUID(), schoolCode, destination, null, on));
        TestDb.awaitCount("select count(*) from directory_pupil where id = ? and left_on = ?", 1, pupilId, on);
    }
}
