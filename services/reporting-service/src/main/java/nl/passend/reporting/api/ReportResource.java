package nl.passend.reporting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.passend.platform.http.CsvTable;
import nl.passend.platform.security.Roles;
import nl.passend.reporting.domain.BoardReport;
import nl.passend.reporting.domain.Participation;
import nl.passend.reporting.domain.RiskSignal;
import nl.passend.reporting.domain.SchoolReport;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.Trend;
import nl.passend.reporting.mapping.ReportCsv;
import nl.passend.reporting.service.Reports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The SWV's reports, as JSON or (Accept: text/csv) CSV. {@code schoolYear} (e.g. 2025-2026) and
 * {@code countDate} (OCTOBER or FEBRUARY) choose the count date; without them, the latest count
 * date up to today. Each report has a JSON and a CSV method on the same path; the CSV one maps the
 * same report to a table.
 */
@Path("/")
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    @GET
    @Path("swvs/{swvCode}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSwvReport", summary = "The SWV's report", description = "Participation (stocks on the count date), the referral flow of the school year against the national flow reference, every school's figures with the SWV's total, and the risk signals per school.")
    public SwvReport swv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") @Parameter(example = "2025-2026") String schoolYear,
            @QueryParam("countDate") @Parameter(example = "OCTOBER") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return reports.swv(swvCode, p.year(), p.countDate());
    }

    @GET
    @Path("swvs/{swvCode}/report")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSwvReport", summary = "The SWV's report as CSV", description = "One line per school and a total line (scope SWV).")
    public CsvTable swvCsv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        SwvReport r = swv(swvCode, schoolYear, countDate);
        return ReportCsv.schools(r.schoolYear(), r.countDate(), r.schools(), "SWV", r.total());
    }

    @GET
    @Path("swvs/{swvCode}/participation")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getParticipation", summary = "Participation in SBO and SO on the count date", description = "SBO pupils count for the SWV of their school, SO pupils for the SWV that issued their TLV (for the SO school's own SWV when no TLV is known: soWithoutKnownTlv).")
    public Participation participation(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return reports.participation(swvCode, p.year(), p.countDate());
    }

    @GET
    @Path("swvs/{swvCode}/participation")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getParticipation", summary = "Participation as CSV")
    public CsvTable participationCsv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return ReportCsv.participation(swvCode, p.year().toString(), p.countDate(),
                reports.participation(swvCode, p.year(), p.countDate()));
    }

    @GET
    @Path("swvs/{swvCode}/signals")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "listSwvSignals", summary = "The risk signals of the SWV's schools", description = "Each with the figures behind it.")
    public List<RiskSignal> signals(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        return swv(swvCode, schoolYear, countDate).signals();
    }

    @GET
    @Path("swvs/{swvCode}/signals")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "listSwvSignals", summary = "The risk signals as CSV")
    public CsvTable signalsCsv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        SwvReport r = swv(swvCode, schoolYear, countDate);
        return ReportCsv.signals(r.schoolYear(), r.countDate(), r.signals());
    }

    @GET
    @Path("swvs/{swvCode}/trend")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSwvTrend", summary = "The SWV's referral rate and participation over the school years up to the chosen one")
    public Trend trend(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return reports.trend(swvCode, p.year(), p.countDate());
    }

    @GET
    @Path("swvs/{swvCode}/trend")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSwvTrend", summary = "The trend as CSV")
    public CsvTable trendCsv(@PathParam("swvCode") String swvCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        return ReportCsv.trend(trend(swvCode, schoolYear, countDate));
    }

    @GET
    @Path("boards/{boardCode}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.BOARD, Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getBoardReport", summary = "A board's schools", description = "The board sees all its schools; the SWV's staff the board's schools within their SWV. With the average of each SWV the schools belong to.")
    public BoardReport board(@PathParam("boardCode") String boardCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return reports.board(boardCode, p.year(), p.countDate());
    }

    @GET
    @Path("boards/{boardCode}/report")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.BOARD, Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getBoardReport", summary = "A board's schools as CSV")
    public CsvTable boardCsv(@PathParam("boardCode") String boardCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        BoardReport r = board(boardCode, schoolYear, countDate);
        return ReportCsv.schools(r.schoolYear(), r.countDate(), r.schools(), "BOARD", null);
    }

    @GET
    @Path("schools/{schoolCode}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DIRECTOR, Roles.BOARD, Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSchoolReport", summary = "One school's figures with its SWV's average", description = "For the school's director, its board, and its SWV's staff.")
    public SchoolReport school(@PathParam("schoolCode") String schoolCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        ReportPeriod p = period(schoolYear, countDate);
        return reports.school(schoolCode, p.year(), p.countDate());
    }

    @GET
    @Path("schools/{schoolCode}/report")
    @Produces(CsvTable.MEDIA_TYPE)
    @RolesAllowed({Roles.DIRECTOR, Roles.BOARD, Roles.SWV_ANALYST, Roles.SWV_CONSULTANT})
    @Operation(operationId = "getSchoolReport", summary = "One school's figures as CSV")
    public CsvTable schoolCsv(@PathParam("schoolCode") String schoolCode, @QueryParam("schoolYear") String schoolYear,
            @QueryParam("countDate") String countDate) {
        SchoolReport r = school(schoolCode, schoolYear, countDate);
        return ReportCsv.schools(r.schoolYear(), r.countDate(), List.of(r.school()), "SCHOOL", null);
    }

    /** The period asked for; without one, the latest count date up to today on the service's clock. */
    private ReportPeriod period(String schoolYear, String countDate) {
        return ReportPeriod.of(schoolYear, countDate, LocalDate.now(clock));
    }
}
