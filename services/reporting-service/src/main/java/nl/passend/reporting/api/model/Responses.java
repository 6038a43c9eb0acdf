package nl.passend.reporting.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.passend.reporting.domain.CountDate;
import nl.passend.reporting.domain.Rebuild;
import nl.passend.reporting.domain.SwvReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the operating and publication endpoints answer. The reports themselves are the domain's
 * records (aggregates only, never a pupil).
 */
public final class Responses {

    private Responses() {
    }

    public record RebuildStatus(UUID id, Rebuild.State state, Instant requestedAt, Instant startedAt,
            Instant finishedAt, Long eventsTotal, long eventsApplied, BigDecimal percent, Long eventsPerSecond) {
    }

    public record FeedStatus(long behind, Map<String, Long> positions) {
    }

    public record PublicationSummary(UUID id, String swvCode, String schoolYear, CountDate countDate,
            Instant publishedAt, String publishedBy) {
    }

    public record PublicationView(UUID id, String swvCode, String schoolYear, CountDate countDate,
            Instant publishedAt, String publishedBy,
            @Schema(implementation = SwvReport.class, description = "The SWV's report as it was published")
            JsonNode report) {
    }
}
