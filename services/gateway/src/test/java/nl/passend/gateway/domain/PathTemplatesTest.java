package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    private final RouteTable table = RouteTable.of(Map.of(
            "pupil-service", List.of("/pupils/*", "/schools"),
            "opp-service", List.of("/opps", "/pupils/*/opps")),
            List.of("/openapi.yaml"));

    private final PathTemplates templates = new PathTemplates("/api/v1", List.of(
            "/api/v1/opps/{planId}", "/api/v1/opps/{planId}/versions/{number}", "/api/v1/opps/overdue",
            "/api/v1/pupils/{pupilId}", "/api/v1/pupils/{pupilId}/opps", "/api/v1/schools/{code}/pupils",
            "/api/v1/schools", "/q/elsewhere/{x}"), table);

    @Test
    void aPathGetsTheDocumentsTemplate() {
        assertThat(templates.of("/opps/3f2c5e2e-8f0b-4bde-9a39-0f6d7c1b2a11")).isEqualTo("/api/v1/opps/{planId}");
        assertThat(templates.of("/opps/7/versions/2")).isEqualTo("/api/v1/opps/{planId}/versions/{number}");
        assertThat(templates.of("/pupils/42/opps")).isEqualTo("/api/v1/pupils/{pupilId}/opps");
        assertThat(templates.of("/schools/12AB00/pupils")).isEqualTo("/api/v1/schools/{code}/pupils");
        assertThat(templates.of("/schools")).isEqualTo("/api/v1/schools");
        assertThat(templates.of("/schools/")).as("a trailing slash").isEqualTo("/api/v1/schools");
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(templates.of("/opps/overdue")).isEqualTo("/api/v1/opps/overdue");
    }

    @Test
    void aPathTheDocumentDoesNotKnowGetsItsRoutesPrefixAndOneNoRouteKnowsAFixedTag() {
        assertThat(templates.of("/pupils/42/opps/7/9")).isEqualTo("/api/v1/pupils/*/opps/**");
        assertThat(templates.of("/opps")).as("the prefix itself").isEqualTo("/api/v1/opps");
        assertThat(templates.of("/no-such-things/42")).isEqualTo(PathTemplates.UNKNOWN);
        assertThat(templates.of("")).isEqualTo(PathTemplates.UNKNOWN);
        assertThat(templates.of("/elsewhere/1")).as("only templates below the base count").isEqualTo(PathTemplates.UNKNOWN);
    }
}
