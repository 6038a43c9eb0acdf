package nl.passend.pupil.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.ProfessionalDiscipline;
import nl.passend.events.codes.SchoolType;
import nl.passend.pupil.domain.PupilStatus;
import nl.passend.pupil.mapping.PupilMapper;

/**
 * Response bodies of the pupil API. They live with the mapper that makes them ({@link PupilMapper}):
 * the resources use both, and neither looks back at the resources.
 */
public final class Responses {

    private Responses() {
    }

    public record SwvResponse(String code, String name, long version, Instant updatedAt) {
    }

    public record BoardResponse(String code, String name, long version, Instant updatedAt) {
    }

    public record SchoolResponse(String code, String name, SchoolType schoolType, String boardCode, String swvCode,
            long version, Instant updatedAt) {
    }

    public record GroupResponse(UUID id, String name, int year) {
    }

    public record PupilResponse(UUID id, String eckId, String givenName, String familyName, LocalDate birthDate,
            String schoolCode, String externalId, UUID groupId, String groupName, Integer groupYear,
            PupilStatus status, long version, Instant updatedAt) {
    }

    public record EnrolmentResponse(UUID id, String schoolCode, String externalId, LocalDate startDate,
            LocalDate endDate, LeavingDestination destination, String destinationSchoolCode) {
    }

    public record GuardianResponse(UUID id, String externalId, String givenName, String familyName,
            boolean hasParentalAuthority, String accountId, long version) {
    }

    public record ProfessionalLinkResponse(UUID id, String accountId, ProfessionalDiscipline discipline,
            String linkedBy, Instant linkedAt) {
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record BatchItemResult(String externalId, UUID pupilId, Outcome outcome) {
    }

    public record BatchResult(int created, int updated, int unchanged, List<BatchItemResult> items) {
    }

    public record AccessLogEntry(Instant occurredAt, String actor, String actorRole, String action) {
    }

    public record ErasureResult(int erased) {
    }
}
