package nl.passend.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.passend.platform.problem.Problems;
import nl.passend.reporting.domain.SwvReport;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Publication;
import nl.passend.reporting.domain.SchoolYear;
import nl.passend.reporting.persistence.PublicationRepository;

/**
 * Publishing freezes an SWV's report for a count date as it is then: what was published stays,
 * whatever is erased or corrected later (the live report shows the projections as they are now).
 */
@ApplicationScoped
@Transactional
public class Publications {

    @Inject
    Clock clock;

    @Inject
    ReportAccess access;

    @Inject
    Reports reports;

    @Inject
    PublicationRepository publications;

    @Inject
    ObjectMapper json;

    public Publication publish(String swvCode, SchoolYear year, CountDate countDate) {
        access.publisher(swvCode);
        if (publications.of(swvCode, year.toString(), countDate).isPresent()) {
            throw Problems.conflict("already-published",
                    "the report of " + swvCode + " for " + year + " " + countDate + " was published already");
        }
        SwvReport report = reports.swvReport(swvCode, access.swv(swvCode), year, countDate);
        Publication p = new Publication();
        p.id = UUID.randomUUID();
        p.swvCode = swvCode;
        p.schoolYear = year.toString();
        p.countDate = countDate;
        p.publishedAt = Instant.now(clock);
        p.publishedBy = access.subject();
        try {
            p.report = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        publications.persist(p);
        return p;
    }

    public List<Publication> list(String swvCode) {
        access.swv(swvCode);
        return publications.ofSwv(swvCode);
    }

    public Publication get(String swvCode, UUID id) {
        access.swv(swvCode);
        return publications.findByIdOptional(id).filter(p -> p.swvCode.equals(swvCode))
                .orElseThrow(() -> Problems.notFound("publication " + id));
    }

    public SwvReport report(Publication publication) {
        try {
            return json.readValue(publication.report, SwvReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("publication " + publication.id + " cannot be read", e);
        }
    }
}
