package nl.passend.consent.mapping;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.passend.consent.api.model.Responses.ConsentRequestResponse;
import nl.passend.consent.api.model.Responses.EntryResponse;
import nl.passend.consent.api.model.Responses.SubjectResponse;
import nl.passend.consent.api.model.Responses;
import nl.passend.consent.domain.ConsentAsOf.RequestAsOf;
import nl.passend.consent.domain.ConsentEntry;
import nl.passend.consent.domain.ConsentRequest;
import nl.passend.consent.domain.RequiredGuardian;
import nl.passend.consent.service.RequestView;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Entities to API records; entities never leave the service as they are. */
@Mapper
public interface ConsentMapper {

    @Mapping(target = "id", source = "request.id")
    @Mapping(target = "purpose", source = "request.purpose")
    @Mapping(target = "pupilId", source = "request.pupilId")
    @Mapping(target = "schoolCode", source = "request.schoolCode")
    @Mapping(target = "subject", source = "request")
    @Mapping(target = "outcome", source = "request.outcome")
    @Mapping(target = "outcomeAt", source = "request.outcomeAt")
    @Mapping(target = "requestedAt", source = "request.requestedAt")
    @Mapping(target = "expiresAt", source = "request.expiresAt")
    @Mapping(target = "requestedBy", source = "request.requestedBy")
    @Mapping(target = "requiredGuardians", source = "request.requiredGuardians")
    @Mapping(target = "entries", source = "entries")
    ConsentRequestResponse toResponse(RequestView view);

    List<ConsentRequestResponse> toResponses(List<RequestView> views);

    @Mapping(target = "type", source = "subjectType")
    @Mapping(target = "id", source = "subjectId")
    @Mapping(target = "version", source = "subjectVersion")
    SubjectResponse toSubject(ConsentRequest request);

    EntryResponse toResponse(ConsentEntry entry);

    /** The required guardians' ids, in the order they became required. */
    default List<UUID> guardianIds(Set<RequiredGuardian> required) {
        return required.stream().map(g -> g.guardianId).toList();
    }

    /** A request as it stood at the end of a day: the outcome, required guardians and ledger of then. */
    default ConsentRequestResponse toResponse(RequestAsOf asOf) {
        ConsentRequest r = asOf.request();
        return new ConsentRequestResponse(r.id, r.purpose, r.pupilId, r.schoolCode, toSubject(r), asOf.outcome(),
                asOf.outcomeAt(), r.requestedAt, r.expiresAt, r.requestedBy, List.copyOf(asOf.requiredGuardians()),
                asOf.entries().stream().map(this::toResponse).toList());
    }
}
