package nl.passend.pupil.mapping;

import java.util.List;
import nl.passend.pupil.api.model.Requests.GroupRef;
import nl.passend.pupil.api.model.Requests.GuardianUpsert;
import nl.passend.pupil.api.model.Requests.Leaving;
import nl.passend.pupil.api.model.Requests.PupilUpdate;
import nl.passend.pupil.api.model.Requests.PupilUpsert;
import nl.passend.pupil.api.model.Requests.SchoolRequest;
import nl.passend.pupil.api.model.Requests;
import nl.passend.pupil.domain.Departure;
import nl.passend.pupil.service.GroupPlacement;
import nl.passend.pupil.service.PupilDetails;
import nl.passend.pupil.service.SchoolDetails;
import nl.passend.pupil.service.SyncedGuardian;
import nl.passend.pupil.service.SyncedPupil;
import org.mapstruct.Mapper;

/** The API's request bodies to the services' own input: the services know no HTTP. */
@Mapper
public interface PupilRequestMapper {

    SchoolDetails toDetails(SchoolRequest request);

    List<SyncedPupil> toSynced(List<PupilUpsert> pupils);

    SyncedPupil toSynced(PupilUpsert pupil);

    SyncedGuardian toSynced(GuardianUpsert guardian);

    GroupPlacement toPlacement(GroupRef group);

    PupilDetails toDetails(PupilUpdate update);

    Departure toDeparture(Leaving leaving);
}
