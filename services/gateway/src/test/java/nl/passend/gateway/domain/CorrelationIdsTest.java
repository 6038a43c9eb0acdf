package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    @Test
    void aPlausibleIdIsKept() {
        String uuid = UUID.randomUUID().toString();
        assertThat(CorrelationIds.accept(uuid)).isEqualTo(uuid);
        assertThat(CorrelationIds.accept("sis-sync_2026.01:42")).isEqualTo("sis-sync_2026.01:42");
        assertThat(CorrelationIds.accept("x".repeat(64))).isEqualTo("x".repeat(64));
    }

    @Test
    void anythingElseIsReplacedByANewUuid() {
        for (String bad : new String[] { null, "", " ", "x".repeat(65), "a b", "a\r\nX-Forged: 1", "ü" }) {
            String id = CorrelationIds.accept(bad);
            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
        assertThat(CorrelationIds.accept(null)).isNotEqualTo(CorrelationIds.accept(null));
    }
}
