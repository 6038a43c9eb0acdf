package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = RouteTable.of(Map.of(
            "pupil-service", List.of("/pupils/*", "/schools", "/swvs"),
            "opp-service", List.of("/opps", "/pupils/*/opps", "/schools/*/opps"),
            "team-service", List.of("/swvs/*/tlv-requests", "/a/*/c"),
            "other-service", List.of("/a/b")),
            List.of("/openapi.yaml", "/pupils/*/growth-document"));

    private String target(String path) {
        return table.resolve(path).map(RouteTable.Route::target).orElse(null);
    }

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(target("/pupils/42")).isEqualTo("pupil-service");
        assertThat(target("/pupils/42/leave")).isEqualTo("pupil-service");
        assertThat(target("/pupils/42/opps")).isEqualTo("opp-service");
        assertThat(target("/pupils/42/opps/7")).isEqualTo("opp-service");
        assertThat(target("/schools")).isEqualTo("pupil-service");
        assertThat(target("/schools/12AB00/pupils/batch")).isEqualTo("pupil-service");
        assertThat(target("/schools/12AB00/opps/overdue")).isEqualTo("opp-service");
        assertThat(target("/swvs/PO2601")).isEqualTo("pupil-service");
        assertThat(target("/swvs/PO2601/tlv-requests")).isEqualTo("team-service");
        assertThat(target("/opps/7/versions/1")).isEqualTo("opp-service");
    }

    @Test
    void ofTwoEquallyLongPrefixesTheOneLiteralFirstWins() {
        assertThat(target("/a/b/c")).isEqualTo("team-service"); // /a/*/c is longer than /a/b
        assertThat(target("/a/b/d")).isEqualTo("other-service");
    }

    @Test
    void segmentsMatchWholeAndAWildcardNeedsASegment() {
        assertThat(target("/pupils")).isNull();
        assertThat(target("/pupilsx/1")).isNull();
        assertThat(target("/opps-archive/1")).isNull();
        assertThat(target("")).isNull();
        assertThat(target("/")).isNull();
        assertThat(target("/nothing/here")).isNull();
    }

    @Test
    void theGatewaysOwnPathsWinButOnlyAsTheWholePath() {
        assertThat(table.resolve("/pupils/42/growth-document")).get().matches(RouteTable.Route::gateway);
        assertThat(target("/pupils/42/growth-document/pdf")).isEqualTo("pupil-service");
        assertThat(table.resolve("/openapi.yaml")).get().matches(RouteTable.Route::gateway);
        assertThat(target("/openapi.yaml/x")).isNull();
    }

    @Test
    void aTemplateParameterMatchesOnlyAWildcard() {
        assertThat(table.resolveTemplate("/pupils/{id}/opps").map(RouteTable.Route::target)).contains("opp-service");
        assertThat(table.resolveTemplate("/a/{x}/d")).isEqualTo(Optional.empty());
        assertThat(table.resolveTemplate("/a/b/c").map(RouteTable.Route::target)).contains("team-service");
    }

    @Test
    void aPrefixClaimedTwiceOrMalformedIsRefused() {
        assertThatThrownBy(() -> RouteTable.of(Map.of("a", List.of("/x/*"), "b", List.of("/x/*/")), List.of()))
                .hasMessageContaining("/x/*").hasMessageContaining("a").hasMessageContaining("b");
        assertThatThrownBy(() -> RouteTable.of(Map.of("a", List.of("/x/*")), List.of("/x/*")))
                .hasMessageContaining("gateway");
        for (String bad : List.of("x", "/", "/a/b*", "/a/{id}", "/a?b=1")) {
            assertThatThrownBy(() -> RouteTable.of(Map.of("a", List.of(bad)), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RouteTable.of(Map.of("gateway", List.of("/x")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
