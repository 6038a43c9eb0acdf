package nl.passend.pupil.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.passend.platform.security.Roles;
import nl.passend.pupil.api.model.Responses.ErasureResult;
import nl.passend.pupil.service.PupilErasure;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations for the admin: erasure of pupils past their retention period (also run nightly). */
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class AdminResource {

    @Inject
    PupilErasure erasure;

    @POST
    @Path("erasure")
    @Operation(operationId = "eraseExpiredPupils", summary = "Erase pupils past their retention period",
            description = "Also runs nightly. Publishes pupil.erased for each, so that every service deletes its data.")
    public ErasureResult erase() {
        return new ErasureResult(erasure.eraseDue());
    }
}
