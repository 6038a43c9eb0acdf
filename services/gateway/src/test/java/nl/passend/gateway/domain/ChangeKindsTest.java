package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nl.passend.events.EventType;
import nl.passend.gateway.domain.ChangeKinds.Change;
import nl.passend.gateway.domain.ChangeKinds.Kind;
import org.junit.jupiter.api.Test;

class ChangeKindsTest {

    @Test
    void everyEventTypeOfTheCatalogueHasAKind() {
        assertThat(Arrays.stream(EventType.values()).filter(t -> ChangeKinds.of(t.type()).isEmpty())).isEmpty();
        assertThat(ChangeKinds.of("nl.passend.nothing.v1")).isEmpty();
    }

    @Test
    void theErasureIsThePupilsAndOnlyUpsertedObjectsHaveAPath() {
        assertThat(ChangeKinds.of(EventType.PUPIL_ERASED.type())).get().extracting(Kind::type, Kind::change)
                .containsExactly("pupil", Change.ERASED);
        Kind opp = ChangeKinds.of(EventType.OPP_ESTABLISHED.type()).orElseThrow();
        assertThat(opp.versionField()).isEqualTo("version");
        assertThat(opp.hrefOf("p1", "x")).isEqualTo("/api/v1/opps/p1");
        assertThat(opp.hrefOf(null, "x")).isNull();
        assertThat(ChangeKinds.of(EventType.PUPIL_ENROLLED.type()).orElseThrow().hrefOf("e1", "k1"))
                .isEqualTo("/api/v1/pupils/k1/enrolments");
        assertThat(ChangeKinds.of(EventType.GUARDIAN_REMOVED.type()).orElseThrow().hrefOf("g1", "k1")).isNull();
    }
}
