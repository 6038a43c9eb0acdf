package nl.passend.pupil.mapping;

import nl.passend.platform.audit.AuditEntry;
import nl.passend.pupil.api.Responses.AccessLogEntry;
import nl.passend.pupil.api.Responses.BoardResponse;
import nl.passend.pupil.api.Responses.EnrolmentResponse;
import nl.passend.pupil.api.Responses.GroupResponse;
import nl.passend.pupil.api.Responses.GuardianResponse;
import nl.passend.pupil.api.Responses.ProfessionalLinkResponse;
import nl.passend.pupil.api.Responses.PupilResponse;
import nl.passend.pupil.api.Responses.SchoolResponse;
import nl.passend.pupil.api.Responses.SwvResponse;
import nl.passend.pupil.domain.Board;
import nl.passend.pupil.domain.Enrolment;
import nl.passend.pupil.domain.Guardian;
import nl.passend.pupil.domain.ProfessionalLink;
import nl.passend.pupil.domain.Pupil;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.domain.Swv;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities to API records; entities never leave the service as they are. */
@Mapper
public interface PupilMapper {

    SwvResponse toResponse(Swv swv);

    BoardResponse toResponse(Board board);

    SchoolResponse toResponse(School school);

    GroupResponse toResponse(SchoolGroup group);

    @Mapping(target = "id", source = "pupil.id")
    @Mapping(target = "schoolCode", source = "pupil.schoolCode")
    @Mapping(target = "groupId", source = "pupil.groupId")
    @Mapping(target = "groupName", source = "group.name")
    @Mapping(target = "groupYear", source = "group.year")
    PupilResponse toResponse(Pupil pupil, SchoolGroup group);

    EnrolmentResponse toResponse(Enrolment enrolment);

    GuardianResponse toResponse(Guardian guardian);

    ProfessionalLinkResponse toResponse(ProfessionalLink link);

    AccessLogEntry toResponse(AuditEntry entry);
}
