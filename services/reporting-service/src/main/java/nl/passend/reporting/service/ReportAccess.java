package nl.passend.reporting.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.passend.platform.problem.Problems;
import nl.passend.platform.security.Caller;
import nl.passend.platform.security.Roles;
import nl.passend.reporting.persistence.FigureQueries;
import nl.passend.reporting.persistence.FigureQueries.School;

/**
 * Who sees which figures: the SWV's analyst and consultant their own SWV; a board its own schools;
 * a director their own school (with the SWV's averages). Anything else the caller may not see is
 * answered as not found. Nobody gets pupil-level rows from this service.
 */
@RequestScoped
public class ReportAccess {

    @Inject
    Caller caller;

    @Inject
    FigureQueries queries;

    /** The SWV's schools, for its analyst or consultant. */
    public List<School> swv(String swvCode) {
        if (!caller.hasAnyRole(Roles.SWV_ANALYST, Roles.SWV_CONSULTANT) || !caller.swv().filter(swvCode::equals).isPresent()) {
            throw Problems.notFound("SWV " + swvCode);
        }
        List<School> schools = queries.schoolsOfSwv(swvCode);
        if (schools.isEmpty()) {
            throw Problems.notFound("SWV " + swvCode);
        }
        return schools;
    }

    /** The board's schools the caller may see: all for the board itself, those of their SWV for the SWV's staff. */
    public List<School> board(String boardCode) {
        List<School> schools = queries.schoolsOfBoard(boardCode);
        if (caller.hasRole(Roles.BOARD) && caller.board().filter(boardCode::equals).isPresent()) {
            return nonEmpty(schools, "board " + boardCode);
        }
        if (caller.hasAnyRole(Roles.SWV_ANALYST, Roles.SWV_CONSULTANT) && caller.swv().isPresent()) {
            String swv = caller.swv().get();
            return nonEmpty(schools.stream().filter(s -> swv.equals(s.swvCode())).toList(), "board " + boardCode);
        }
        throw Problems.notFound("board " + boardCode);
    }

    public School school(String schoolCode) {
        School school = queries.school(schoolCode).orElseThrow(() -> Problems.notFound("school " + schoolCode));
        boolean director = caller.hasRole(Roles.DIRECTOR) && caller.worksAt(schoolCode);
        boolean board = caller.hasRole(Roles.BOARD) && school.boardCode() != null
                && caller.board().filter(school.boardCode()::equals).isPresent();
        boolean swv = caller.hasAnyRole(Roles.SWV_ANALYST, Roles.SWV_CONSULTANT) && school.swvCode() != null
                && caller.swv().filter(school.swvCode()::equals).isPresent();
        if (!director && !board && !swv) {
            throw Problems.notFound("school " + schoolCode);
        }
        return school;
    }

    /** Publishing a report is the SWV analyst's. */
    public void publisher(String swvCode) {
        swv(swvCode);
        if (!caller.hasRole(Roles.SWV_ANALYST)) {
            throw Problems.forbidden("only the SWV's analyst publishes its reports");
        }
    }

    public String subject() {
        return caller.subject();
    }

    private static List<School> nonEmpty(List<School> schools, String what) {
        if (schools.isEmpty()) {
            throw Problems.notFound(what);
        }
        return schools;
    }
}
