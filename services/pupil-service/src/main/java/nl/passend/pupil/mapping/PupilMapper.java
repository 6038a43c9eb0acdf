package nl.passend.pupil.mapping;

import nl.passend.platform.audit.AuditEntry;
import nl.passend.pupil.api.model.Responses.AccessLogEntry;
import nl.passend.pupil.api.model.Responses.BatchItemResult;
import nl.passend.pupil.api.model.Responses.BatchResult;
import nl.passend.pupil.api.model.Responses.BoardResponse;
import nl.passend.pupil.api.model.Responses.EnrolmentResponse;
import nl.passend.pupil.api.model.Responses.GroupResponse;
import nl.passend.pupil.api.model.Responses.GuardianResponse;
import nl.passend.pupil.api.model.Responses.ProfessionalLinkResponse;
import nl.passend.pupil.api.model.Responses.PupilResponse;
import nl.passend.pupil.api.model.Responses.SchoolResponse;
import nl.passend.pupil.api.model.Responses.SwvResponse;
import nl.passend.pupil.api.model.Responses;
import nl.passend.pupil.domain.Board;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.PupilAsOf.EnrolmentAsOf;
import nl.passend.pupil.domain.PupilAsOf;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.domain.Swv;
import nl.passend.pupil.service.PupilAsOfView;
import nl.passend.pupil.service.PupilView;
import nl.passend.pupil.service.SyncResult;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Entities and the services' results to the API's response bodies; entities never leave the service
 * as they are. Request bodies become the services' input in {@link PupilRequestMapper}.
 */
@Mapper
public interface PupilMapper {

    SwvResponse toResponse(Swv swv);

    BoardResponse toResponse(Board board);

    SchoolResponse toResponse(School school);

    GroupResponse toResponse(SchoolGroup group);

    default PupilResponse toResponse(PupilView view) {
        return toResponse(view.pupil(), view.group());
    }

    @Mapping(target = "id", source = "pupil.id")
    @Mapping(target = "schoolCode", source = "pupil.schoolCode")
    @Mapping(target = "groupId", source = "pupil.groupId")
    @Mapping(target = "groupName", source = "group.name")
    @Mapping(target = "groupYear", source = "group.year")
    PupilResponse toResponse(Pupil pupil, SchoolGroup group);

    /**
     * A pupil as of a day: the school, externalId and status of the enrolment of that day; no group,
     * since pupil-service keeps no history of groups.
     */
    default PupilResponse toResponse(PupilAsOfView view) {
        Pupil p = view.pupil();
        Enrolment e = view.enrolment().enrolment();
        return new PupilResponse(p.id, p.eckId, p.givenName, p.familyName, p.birthDate, e.schoolCode, e.externalId,
                null, null, null, PupilAsOf.status(view.enrolment()), p.version, p.updatedAt);
    }

    EnrolmentResponse toResponse(Enrolment enrolment);

    /** An enrolment as of a day: its end, destination and destination school only once the pupil had left. */
    default EnrolmentResponse toResponse(EnrolmentAsOf asOf) {
        Enrolment e = asOf.enrolment();
        boolean left = asOf.left();
        return new EnrolmentResponse(e.id, e.schoolCode, e.externalId, e.startDate, left ? e.endDate : null,
                left ? e.destination : null, left ? e.destinationSchoolCode : null);
    }

    GuardianResponse toResponse(Guardian guardian);

    ProfessionalLinkResponse toResponse(ProfessionalLink link);

    AccessLogEntry toResponse(AuditEntry entry);

    BatchResult toResponse(SyncResult result);

    BatchItemResult toResponse(SyncResult.Item item);
}
