package nl.passend.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsCheckTest {

    private static Map<String, String> of(String... nameValue) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            values.put(nameValue[i], nameValue[i + 1]);
        }
        return values;
    }

    @Test
    void unsetBlankShortAndDemoValuesAreEachNamed() {
        assertThat(SecretsCheck.problems(of(
                "quarkus.datasource.password", null,
                "passend.gateway.webhooks.secret-keys", "  ",
                "quarkus.oidc.dashboard.authentication.state-secret", "too-short",
                "a.demo", "pupil",
                "a.copied.dev.value", "x-passend-demo-dashboard-state-secret-0123456789",
                "the.old.webhook.key", "cGFzc2VuZC1sb2NhbC13ZWJob29rLWtleS0wMTIzNDU=",
                "keys.with.a.demo.one", "q8Vt2LkZp0sWmN4xYb7cR1dEq8Vt2LkZp0sWmN4xYb7=,ZGVtby1vbmx5LWtleS1wYXNzZW5kLWRldi0wMDAwMDE=")))
                .containsExactly(
                        "quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) is not set",
                        "passend.gateway.webhooks.secret-keys (PASSEND_GATEWAY_WEBHOOKS_SECRET_KEYS) is not set",
                        "quarkus.oidc.dashboard.authentication.state-secret "
                                + "(QUARKUS_OIDC_DASHBOARD_AUTHENTICATION_STATE_SECRET) is shorter than 16 characters",
                        "a.demo (A_DEMO) is a demo value",
                        "a.copied.dev.value (A_COPIED_DEV_VALUE) is a demo value",
                        "the.old.webhook.key (THE_OLD_WEBHOOK_KEY) is a demo value",
                        "keys.with.a.demo.one (KEYS_WITH_A_DEMO_ONE) is a demo value");
    }

    @Test
    void aLongGeneratedSecretPasses() {
        assertThat(SecretsCheck.problems(of("quarkus.datasource.password", "q8Vt2LkZp0sWmN4xYb7cR1dE",
                "exactly.sixteen", "0123456789abcdef"))).isEmpty();
    }

    @Test
    void theMessageNeverContainsTheValue() {
        assertThat(String.join("\n", SecretsCheck.problems(of("p", "short-secret"))))
                .doesNotContain("short-secret");
    }
}
