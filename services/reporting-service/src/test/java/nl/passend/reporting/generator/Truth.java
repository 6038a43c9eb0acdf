package nl.passend.reporting.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.passend.events.codes.LeavingDestination;
import nl.passend.events.codes.SchoolType;

/**
 * What the generator made happen, kept apart from the events: who attended which school when, who
 * left for where, whose SO place another SWV pays for, and who was erased. Tests compare the
 * service's figures, computed from the events alone, with the figures counted here.
 */
public final class Truth {

    /** One enrolment: at a school from {@code start} until {@code end} (exclusive; null while it lasts). */
    public record Span(UUID pupil, String school, LocalDate start, LocalDate end, LeavingDestination destination) {
        boolean enrolledOn(LocalDate day) {
            return !start.isAfter(day) && (end == null || end.isAfter(day));
        }
    }

    /** Pupils on a count date by school type, SO pupils counted for the SWV that issued their TLV. */
    public record Participation(int bao, int sbo, int so) {
    }

    private final String swvCode;
    private final Map<String, SchoolType> schools = new TreeMap<>();
    private final Map<String, String> boards = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();
    private final Map<UUID, String> soTlvIssuer = new HashMap<>();
    private final Set<UUID> erased = new HashSet<>();
    private final Map<String, Integer> eventsByType = new TreeMap<>();
    private long events;

    Truth(String swvCode) {
        this.swvCode = swvCode;
    }

    public String swvCode() {
        return swvCode;
    }

    /** School codes by type, in code order. */
    public List<String> schools(SchoolType type) {
        return schools.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).toList();
    }

    public String board(String school) {
        return boards.get(school);
    }

    public long events() {
        return events;
    }

    /** Events per CloudEvents type. */
    public Map<String, Integer> eventsByType() {
        return eventsByType;
    }

    public int erasedPupils() {
        return erased.size();
    }

    /** Pupils enrolled at the school on the day (the erased ones are gone from the projections too). */
    public int pupilsOn(String school, LocalDate day) {
        return (int) spans.stream().filter(s -> s.school().equals(school) && s.enrolledOn(day) && !erased.contains(s.pupil()))
                .map(Span::pupil).distinct().count();
    }

    /** Pupils who left the school for SBO or SO in the school year that starts on 1 August of {@code startYear}. */
    public int referrals(String school, int startYear) {
        LocalDate first = LocalDate.of(startYear, 8, 1);
        LocalDate last = LocalDate.of(startYear + 1, 7, 31);
        return (int) spans.stream().filter(s -> s.school().equals(school) && s.end() != null && !erased.contains(s.pupil())
                && (s.destination() == LeavingDestination.SBO || s.destination() == LeavingDestination.SO)
                && !s.end().isBefore(first) && !s.end().isAfter(last)).count();
    }

    public Participation participation(LocalDate day) {
        int bao = 0;
        int sbo = 0;
        int so = 0;
        for (Span s : spans) {
            if (!s.enrolledOn(day) || erased.contains(s.pupil())) {
                continue;
            }
            switch (schools.get(s.school())) {
                case BAO -> bao++;
                case SBO -> sbo++;
                case SO -> so += swvCode.equals(soTlvIssuer.getOrDefault(s.pupil(), swvCode)) ? 1 : 0;
            }
        }
        return new Participation(bao, sbo, so);
    }

    void school(String code, SchoolType type, String board) {
        schools.put(code, type);
        boards.put(code, board);
    }

    void span(Span span) {
        spans.add(span);
    }

    void soTlv(UUID pupil, String issuingSwv) {
        soTlvIssuer.put(pupil, issuingSwv);
    }

    void erased(UUID pupil) {
        erased.add(pupil);
    }

    void counted(String type) {
        events++;
        eventsByType.merge(type, 1, Integer::sum);
    }
}
