package nl.passend.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientIdsTest {

    @Test
    void theAuthorizedPartyThenClientIdThenSubject() {
        assertThat(ClientIds.of(Map.<String, Object>of("azp", "sis-client", "client_id", "x", "sub", "s")::get))
                .isEqualTo("client:sis-client");
        assertThat(ClientIds.of(Map.<String, Object>of("client_id", "app", "sub", "s")::get)).isEqualTo("client:app");
        assertThat(ClientIds.of(Map.<String, Object>of("azp", " ", "sub", "s")::get)).isEqualTo("subject:s");
        assertThat(ClientIds.of(Map.<String, Object>of()::get)).isEqualTo("unknown");
    }
}
