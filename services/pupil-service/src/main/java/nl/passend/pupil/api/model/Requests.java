package nl.passend.pupil.api.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.ProfessionalDiscipline;
import nl.passend.events.codes.SchoolType;
import nl.passend.pupil.mapping.PupilRequestMapper;

/**
 * Request bodies of the pupil API. They live with the mapper that turns them into the services' own
 * input ({@link PupilRequestMapper}): the resources use both, and neither looks back at the resources.
 */
public final class Requests {

    /** BRIN (2 digits, 2 letters) + vestiging (2 digits), e.g. 12AB00. */
    public static final String SCHOOL_CODE = "^[0-9]{2}[A-Z]{2}[0-9]{2}$";
    /** The national ECK iD is a URI-like pseudonym. */
    public static final String ECK_ID = "^https://ketenid\\.nl/[0-9a-zA-Z/]{1,200}$";

    private Requests() {
    }

    public record SwvRequest(@NotBlank @Size(max = 200) String name) {
    }

    public record BoardRequest(@NotBlank @Size(max = 200) String name) {
    }

    public record SchoolRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull SchoolType schoolType,
            @NotBlank @Size(max = 20) String boardCode,
            @NotBlank @Size(max = 20) String swvCode) {
    }

    public record GroupRef(@NotBlank @Size(max = 20) String name, @NotNull @Min(1) @Max(8) Integer year) {
    }

    public record GuardianUpsert(
            @NotBlank @Size(max = 64) String externalId,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull Boolean hasParentalAuthority) {
    }

    public record Leaving(
            @NotNull LocalDate leftOn,
            @NotNull LeavingDestination destination,
            @Pattern(regexp = SCHOOL_CODE) String destinationSchoolCode) {
    }

    /** One pupil as a student information system knows it, keyed by its own externalId. */
    public record PupilUpsert(
            @NotBlank @Size(max = 64) String externalId,
            @Pattern(regexp = ECK_ID) String eckId,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @NotNull LocalDate enrolledOn,
            @Valid GroupRef group,
            @Size(max = 10) List<@Valid @NotNull GuardianUpsert> guardians,
            @Valid Leaving leaving) {
    }

    public record PupilBatchRequest(@NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull PupilUpsert> pupils) {
    }

    public record PupilUpdate(
            @Pattern(regexp = ECK_ID) String eckId,
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate birthDate,
            @Valid GroupRef group) {
    }

    public record AccountLink(@NotBlank @Size(max = 255) String accountId) {
    }

    public record ProfessionalLinkRequest(@NotBlank @Size(max = 255) String accountId,
            @NotNull ProfessionalDiscipline discipline) {
    }
}
