package nl.passend.team.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * A written advice on a TLV request by one expert (a person; a committee's joint advice does not
 * count). The expert is known by registration number (BIG, NIP or NVO) when given, else by name.
 */
public record TlvAdvice(UUID id, String expertName, ExpertDiscipline discipline, String registration,
        LocalDate givenOn, String summary) {

    /** Whether both advices are by the same expert. */
    public boolean sameExpert(TlvAdvice other) {
        if (registration != null && other.registration != null) {
            return normalized(registration).equals(normalized(other.registration));
        }
        return normalized(expertName).equals(normalized(other.expertName));
    }

    private static String normalized(String value) {
        return value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
