package nl.passend.opp.api;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.passend.opp.api.model.Responses.OverdueResponse;
import nl.passend.opp.api.model.Responses.RodResponse;
import nl.passend.opp.mapping.OppMapper;
import nl.passend.opp.service.OverdueSignals;
import nl.passend.opp.service.RodExport;
import nl.passend.platform.http.CsvTable;
import nl.passend.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A school's lists: its overdue plans, and the export for the national register (ROD). */
@Path("/schools/{schoolCode}/opps")
@Authenticated
@Tag(name = "OPP per school")
public class SchoolOppResource {

    @Inject
    OverdueSignals overdue;

    @Inject
    RodExport rod;

    @Inject
    OppMapper mapper;

    @GET
    @Path("overdue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.IB, Roles.DIRECTOR})
    @Operation(operationId = "listOverdueOpps", summary = "The school's overdue OPPs, oldest due first",
            description = "ESTABLISHMENT: not established within 6 weeks of an SBO/SO enrolment or the start of extra support (planId of the open plan, if one was drawn up). EVALUATION: a plan in force not evaluated within a year (or half a year where the school type is configured for twice a year). Each is also published once as nl.passend.opp.overdue.v1.")
    public List<OverdueResponse> overdue(@PathParam("schoolCode") String schoolCode) {
        return mapper.toOverdueResponses(overdue.ofSchool(schoolCode));
    }

    @GET
    @Path("rod-export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.IB, Roles.SIS_CLIENT, Roles.BOARD})
    @Operation(operationId = "getRodExport", summary = "ROD export: start and end date of each established OPP of the school",
            description = "The national register holds only these dates. Start: the first establishment; end: the closure (null while in force). Also as CSV with Accept: text/csv.")
    public List<RodResponse> rodExport(@PathParam("schoolCode") String schoolCode) {
        return mapper.toRodResponses(rod.ofSchool(schoolCode));
    }

    @GET
    @Path("rod-export")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.DIRECTOR, Roles.IB, Roles.SIS_CLIENT, Roles.BOARD})
    @Operation(operationId = "getRodExport", summary = "ROD export as CSV")
    public CsvTable rodExportCsv(@PathParam("schoolCode") String schoolCode) {
        List<List<Object>> rows = rod.ofSchool(schoolCode).stream().map(r -> List.<Object>of(r.pupilId(), r.planId(),
                r.schoolCode(), r.startDate(), r.endDate() == null ? "" : r.endDate())).toList();
        return new CsvTable(List.of("pupilId", "planId", "schoolCode", "startDate", "endDate"), rows);
    }
}
