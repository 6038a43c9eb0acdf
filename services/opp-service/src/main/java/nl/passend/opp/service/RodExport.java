package nl.passend.opp.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.passend.opp.persistence.OppPlanRepository;
import nl.passend.platform.audit.AuditLog;
import nl.passend.platform.security.Roles;

/**
 * The export for the national register (ROD), which holds only when each pupil's OPP started (was
 * first established) and ended (was closed): per school, for the school's staff, its student
 * information system and its board.
 */
@ApplicationScoped
public class RodExport {

    @Inject
    OppPlanRepository plans;

    @Inject
    OppGuard guard;

    @Inject
    AuditLog audit;

    public record RodRecord(UUID pupilId, UUID planId, String schoolCode, LocalDate startDate, LocalDate endDate) {
    }

    @Transactional
    public List<RodRecord> ofSchool(String schoolCode) {
        String role = guard.school(schoolCode, Roles.DIRECTOR, Roles.IB, Roles.SIS_CLIENT, Roles.BOARD);
        List<RodRecord> records = plans.everEstablishedOfSchool(schoolCode).stream()
                .map(p -> new RodRecord(p.pupilId, p.id, p.schoolCode, p.firstEstablishedOn, p.closedOn)).toList();
        records.stream().map(RodRecord::pupilId).distinct().forEach(p -> audit.record(p, role, "opp.rod.export"));
        return records;
    }
}
