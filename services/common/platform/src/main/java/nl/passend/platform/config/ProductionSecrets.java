package nl.passend.platform.config;

import io.quarkus.runtime.Application;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses to start a service whose secrets are unfit ({@link SecretsCheck}). The settings are listed in
 * {@code passend.secrets.required} (the platform names the database password, a service adds its own); the
 * check is on unless {@code passend.secrets.check=false}, which only the dev and test profiles set.
 *
 * <p>Its priority puts it outside the profile and expression interceptors, so it sees the values the
 * application would see. It is a config interceptor, not a startup observer, because the datasource and Flyway read the password
 * while the configuration is being built, long before any bean runs: the first read of any listed secret
 * checks them all and fails with one message that names every unfit setting.
 */
@Priority(Priorities.APPLICATION)
public class ProductionSecrets implements ConfigSourceInterceptor {

    static final String REQUIRED = "passend.secrets.required";
    static final String CHECK = "passend.secrets.check";

    private volatile boolean checked;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        // the build reads the configuration too, before any application exists: only a starting one is checked
        if (!checked && Application.currentApplication() != null && !name.equals(REQUIRED) && !name.equals(CHECK)) {
            Set<String> required = required(context);
            if (required.contains(name)) {
                checkAll(context, required);
                checked = true;
            }
        }
        return context.proceed(name);
    }

    private static Set<String> required(ConfigSourceInterceptorContext context) {
        ConfigValue list = context.proceed(REQUIRED);
        if (list == null || list.getValue() == null) {
            return Set.of();
        }
        return Arrays.stream(list.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static void checkAll(ConfigSourceInterceptorContext context, Set<String> required) {
        ConfigValue check = context.proceed(CHECK);
        if (check != null && "false".equalsIgnoreCase(String.valueOf(check.getValue()).trim())) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : required) {
            ConfigValue value = context.proceed(name);
            values.put(name, value == null ? null : value.getValue());
        }
        List<String> problems = SecretsCheck.problems(values);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Passend does not start with unfit secrets; set each of these "
                    + "(deploy/README.md, production checklist):\n  - " + String.join("\n  - ", problems));
        }
    }
}
