package nl.passend.pupil.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import nl.passend.platform.domain.ExpectedVersion;
import nl.passend.platform.problem.Problems;
import nl.passend.pupil.domain.Board;
import nl.passend.pupil.domain.School;
import nl.passend.pupil.domain.SchoolGroup;
import nl.passend.pupil.domain.Swv;
import nl.passend.pupil.messaging.PupilEvents;
import nl.passend.pupil.persistence.BoardRepository;
import nl.passend.pupil.persistence.SchoolGroupRepository;
import nl.passend.pupil.persistence.SchoolRepository;
import nl.passend.pupil.persistence.SwvRepository;

/**
 * The register of SWVs, boards and schools: registered by an admin with PUT (If-Match needed to
 * change an existing one), read by everyone signed in. Each registration or change is an event; a
 * PUT that changes nothing publishes nothing.
 */
@ApplicationScoped
public class OrganisationRegister {

    @Inject
    SwvRepository swvs;

    @Inject
    BoardRepository boards;

    @Inject
    SchoolRepository schools;

    @Inject
    SchoolGroupRepository groups;

    @Inject
    PupilEvents events;

    /** The stored entity and whether it was created by this call. */
    public record Saved<T>(T entity, boolean created) {
    }

    @Transactional
    public Saved<Swv> putSwv(String code, String name, ExpectedVersion expected) {
        Swv swv = swvs.findById(code, LockModeType.PESSIMISTIC_WRITE); // lock before the If-Match check: no lost update
        boolean created = swv == null;
        if (created) {
            swv = new Swv();
            swv.code = code;
        } else {
            expected.require(swv.version);
            if (Objects.equals(swv.name, name)) {
                return new Saved<>(swv, false);
            }
        }
        swv.name = name;
        swvs.persistAndFlush(swv);
        events.swv(swv, created);
        return new Saved<>(swv, created);
    }

    @Transactional
    public Saved<Board> putBoard(String code, String name, ExpectedVersion expected) {
        Board board = boards.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = board == null;
        if (created) {
            board = new Board();
            board.code = code;
        } else {
            expected.require(board.version);
            if (Objects.equals(board.name, name)) {
                return new Saved<>(board, false);
            }
        }
        board.name = name;
        boards.persistAndFlush(board);
        events.board(board, created);
        return new Saved<>(board, created);
    }

    @Transactional
    public Saved<School> putSchool(String code, SchoolDetails details, ExpectedVersion expected) {
        if (boards.findById(details.boardCode()) == null) {
            throw Problems.unprocessable("unknown-board", "board " + details.boardCode() + " is not registered");
        }
        if (swvs.findById(details.swvCode()) == null) {
            throw Problems.unprocessable("unknown-swv", "SWV " + details.swvCode() + " is not registered");
        }
        School school = schools.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = school == null;
        if (created) {
            school = new School();
            school.code = code;
        } else {
            expected.require(school.version);
            if (sameDetails(school, details)) {
                return new Saved<>(school, false);
            }
        }
        school.name = details.name();
        school.schoolType = details.schoolType();
        school.boardCode = details.boardCode();
        school.swvCode = details.swvCode();
        schools.persistAndFlush(school);
        events.school(school, created);
        return new Saved<>(school, created);
    }

    private static boolean sameDetails(School school, SchoolDetails details) {
        return Objects.equals(school.name, details.name()) && school.schoolType == details.schoolType()
                && Objects.equals(school.boardCode, details.boardCode())
                && Objects.equals(school.swvCode, details.swvCode());
    }

    public Swv swv(String code) {
        Swv swv = swvs.findById(code);
        if (swv == null) {
            throw Problems.notFound("SWV " + code);
        }
        return swv;
    }

    public Board board(String code) {
        Board board = boards.findById(code);
        if (board == null) {
            throw Problems.notFound("board " + code);
        }
        return board;
    }

    public School school(String code) {
        School school = schools.findById(code);
        if (school == null) {
            throw Problems.notFound("school " + code);
        }
        return school;
    }

    public List<Swv> allSwvs() {
        return swvs.listAll(Sort.by("code"));
    }

    public List<Board> allBoards() {
        return boards.listAll(Sort.by("code"));
    }

    public List<School> allSchools() {
        return schools.listAll(Sort.by("code"));
    }

    public List<SchoolGroup> groupsOf(String code) {
        school(code);
        return groups.ofSchool(code);
    }
}
