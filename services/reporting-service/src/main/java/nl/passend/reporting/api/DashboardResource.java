package nl.passend.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import nl.passend.platform.http.CsvTable;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.mapping.ReportCsv;
import nl.passend.reporting.service.Reports;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The SWV's dashboard for a browser. Under /dashboard the service also accepts a login session:
 * a browser without a token is sent to the identity provider (code flow) and back.
 */
@Path("/dashboard")
@RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
public class DashboardResource {

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @GET
    @Operation(hidden = true) // redirects to /dashboard/swvs/{the caller's SWV}
    public Response mine() {
        String swv = caller.swv().orElseThrow(() -> Problems.notFound("SWV of the caller"));
        return Response.seeOther(URI.create("/dashboard/swvs/" + swv)).build();
    }

    @GET
    @Path("swvs/{swvCode}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true) // a browser's page with its own login (README), not part of the API
    public String dashboard(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        SwvReport report = reports.swv(swvCode, p.year(), p.countDate());
        return DashboardPage.render(report, reports.trend(swvCode, p.year(), p.countDate()));
    }

    @GET
    @Path("swvs/{swvCode}/report.csv")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(hidden = true) // the page's download link; the API has GET /swvs/{swvCode}/report as text/csv
    public Response csv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        SwvReport r = reports.swv(swvCode, p.year(), p.countDate());
        return Response.ok(ReportCsv.schools(r.schoolYear(), r.countDate(), r.schools(), "SWV", r.total()))
                .header("Content-Disposition", "attachment; filename=\"" + swvCode + "-" + r.schoolYear() + "-"
                        + r.countDate().name().toLowerCase() + ".csv\"")
                .build();
    }

    /** The period asked for; without one, the latest count date up to today on the service's clock. */
    private ReportPeriod period(String schoolYear, String countDate) {
        return ReportPeriod.of(schoolYear, countDate, LocalDate.now(clock));
    }
}
