package nl.passend.reporting.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.passend.platform.http.CsvTable;
import nl.passend.platform.http.Params;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Roles;
import nl.passend.reporting.api.model.Responses.PublicationSummary;
import nl.passend.reporting.api.model.Responses.PublicationView;
import nl.passend.reporting.api.model.Responses;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Publication;
import nl.passend.reporting.domain.SchoolYear;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.mapping.ReportCsv;
import nl.passend.reporting.service.Publications;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The SWV's published reports: frozen when published, read back as they were. */
@Path("/")
@Tag(name = "Reports")
public class PublicationResource {

    @Inject
    Publications publications;

    @Inject
    ObjectMapper json;

    /** What to publish: the school year and count date. */
    public record PublishRequest(@NotNull @Parameter(example = "2025-2026") String schoolYear,
            @NotNull CountDate countDate) {
    }

    @POST
    @Path("swvs/{swvCode}/publications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST})
    @Operation(operationId = "publishSwvReport", summary = "Publish the SWV's report for a count date", description = "Freezes the report as it is now: erasures and corrections later do not change what was published. Once per count date (409 already-published).")
    @APIResponse(responseCode = "201", description = "Published; Location is the publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class)))
    public Response publish(@PathParam("swvCode") String swvCode, @Valid @NotNull PublishRequest request) {
        SchoolYear year = SchoolYear.parse(request.schoolYear()).orElseThrow(() -> Problems
                .unprocessable("invalid-school-year", "schoolYear must be a school year such as 2025-2026"));
        Publication p = publications.publish(swvCode, year, request.countDate());
        return Response.created(URI.create("/swvs/" + swvCode + "/publications/" + p.id)).entity(view(p)).build();
    }

    @GET
    @Path("swvs/{swvCode}/publications")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "listPublications", summary = "The SWV's published reports")
    public List<PublicationSummary> publications(@PathParam("swvCode") String swvCode) {
        return publications.list(swvCode).stream().map(p -> new PublicationSummary(p.id, p.swvCode, p.schoolYear,
                p.countDate, p.publishedAt, p.publishedBy)).toList();
    }

    @GET
    @Path("swvs/{swvCode}/publications/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getPublication", summary = "A published report, as it was published")
    public PublicationView publication(@PathParam("swvCode") String swvCode, @PathParam("id") String id) {
        return view(publications.get(swvCode, Params.uuid(id, "id")));
    }

    @GET
    @Path("swvs/{swvCode}/publications/{id}")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getPublication", summary = "A published report as CSV")
    public CsvTable publicationCsv(@PathParam("swvCode") String swvCode, @PathParam("id") String id) {
        Publication p = publications.get(swvCode, Params.uuid(id, "id"));
        SwvReport r = publications.report(p);
        return ReportCsv.schools(r.schoolYear(), r.countDate(), r.schools(), "SWV", r.total());
    }

    private PublicationView view(Publication p) {
        try {
            return new PublicationView(p.id, p.swvCode, p.schoolYear, p.countDate, p.publishedAt, p.publishedBy,
                    json.readTree(p.report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
