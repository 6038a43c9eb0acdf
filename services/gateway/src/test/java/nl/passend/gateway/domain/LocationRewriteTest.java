package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationRewriteTest {

    private static final URI OPP = URI.create("http://localhost:8083");
    private static final URI TEAM = URI.create("http://team.internal/team-api/");
    private static final List<URI> ALL = List.of(OPP, TEAM);
    private static final String ORIGIN = "https://api.passend.example";

    private static String rewrite(String location, URI service) {
        return LocationRewrite.rewrite(location, service, ALL, ORIGIN, "/api/v1");
    }

    @Test
    void theServicesOwnUrlMovesBelowThePublicPath() {
        assertThat(rewrite("http://localhost:8083/opps/7", OPP)).isEqualTo(ORIGIN + "/api/v1/opps/7");
        assertThat(rewrite("http://LOCALHOST:8083/opps/7?v=2#x", OPP)).isEqualTo(ORIGIN + "/api/v1/opps/7?v=2#x");
        assertThat(rewrite("http://team.internal:80/team-api/meetings/1", TEAM))
                .isEqualTo(ORIGIN + "/api/v1/meetings/1");
        // another service's URL too
        assertThat(rewrite("http://team.internal/team-api/cases/2", OPP)).isEqualTo(ORIGIN + "/api/v1/cases/2");
    }

    @Test
    void aPathFromTheServicesRootStaysRelative() {
        assertThat(rewrite("/opps/7", OPP)).isEqualTo("/api/v1/opps/7");
        assertThat(rewrite("/team-api/meetings/1?x=%20", TEAM)).isEqualTo("/api/v1/meetings/1?x=%20");
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        assertThat(rewrite("https://keycloak.example/realms/passend", OPP)).isEqualTo("https://keycloak.example/realms/passend");
        assertThat(rewrite("http://localhost:8084/opps/7", OPP)).isEqualTo("http://localhost:8084/opps/7");
        assertThat(rewrite("http://team.internal/other/1", TEAM)).isEqualTo("http://team.internal/other/1");
        assertThat(rewrite("/other/1", TEAM)).isEqualTo("/other/1");
        assertThat(rewrite("versions/2", OPP)).isEqualTo("versions/2");
        assertThat(rewrite("http://exa mple/ bad", OPP)).isEqualTo("http://exa mple/ bad");
        assertThat(rewrite("", OPP)).isEqualTo("");
    }
}
