package nl.passend.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import nl.passend.gateway.domain.SecretBox;
import org.junit.jupiter.api.Test;

/** The sealing keys in application.properties: demo keys in dev and test, nothing in production but the variable. */
class SecretKeysConfigTest {

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(SecretKeysConfigTest.class.getResource("/application.properties")))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    @Test
    void productionHasNoKeyUnlessTheEnvironmentGivesOne() throws IOException {
        SmallRyeConfig bare = config("prod", Map.of());
        assertThatThrownBy(() -> bare.getValues(SecretBox.KEYS_PROPERTY, String.class))
                .hasMessageContaining(SecretBox.KEYS_PROPERTY);

        SmallRyeConfig given = config("prod", Map.of("PASSEND_GATEWAY_WEBHOOKS_SECRET_KEYS", "bmV3,b2xk"));
        assertThat(given.getValues(SecretBox.KEYS_PROPERTY, String.class)).containsExactly("bmV3", "b2xk");
    }

    @Test
    void devAndTestHaveTwoValidDemoKeys() throws IOException {
        for (String profile : List.of("dev", "test")) {
            List<String> keys = config(profile, Map.of()).getValues(SecretBox.KEYS_PROPERTY, String.class);
            assertThat(keys).as(profile).hasSize(2);
            SecretBox.ofBase64(keys, new SecureRandom()); // each 32 bytes, two different ids
        }
    }
}
