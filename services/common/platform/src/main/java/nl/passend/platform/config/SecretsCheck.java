package nl.passend.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What makes a configured secret unfit for production: unset, shorter than {@link #MIN_LENGTH}, or a value
 * that was ever a demo or local default of this project. Pure, so that {@link ProductionSecrets} and its
 * tests share one rule.
 */
public final class SecretsCheck {

    /** Long enough that a guessed or typed-in password is refused; generated secrets are far longer. */
    public static final int MIN_LENGTH = 16;

    /** Every default a secret had in this project's history, and the demo realm's passwords. */
    static final Set<String> KNOWN_DEMO_VALUES = Set.of(
            "pupil", "consent", "opp", "support", "team", "reporting", "gateway",
            "demo", "admin", "password", "secret", "changeme", "postgres", "sis-client-demo-secret",
            "cGFzc2VuZC1sb2NhbC13ZWJob29rLWtleS0wMTIzNDU=",
            "passend-local-dashboard-state-secret-0123456789",
            "passend-local-dashboard-session-secret-0123456789abcdef",
            // the gateway's dev and test sealing keys
            "ZGVtby1vbmx5LWtleS1wYXNzZW5kLWRldi0wMDAwMDE=", "ZGVtby1vbmx5LWtleS1wYXNzZW5kLXRlc3QtMDAwMDE=",
            "ZGVtby1vbmx5LWtleS1wYXNzZW5kLXRlc3QtMDAwMDA=");

    /** The marker every dev and test secret of this project carries, so that a copied one is caught too. */
    static final String DEMO_MARKER = "passend-demo";

    private SecretsCheck() {
    }

    /**
     * @param values each required setting's name and its value (null when unset)
     * @return one line per unfit setting, naming it and saying why (never the value); empty when all are fit
     */
    public static List<String> problems(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        values.forEach((name, value) -> {
            String why = why(value);
            if (why != null) {
                problems.add(name + " (" + envName(name) + ") " + why);
            }
        });
        return problems;
    }

    private static String why(String value) {
        if (value == null || value.isBlank()) {
            return "is not set";
        }
        String v = value.trim();
        // a list (the gateway's keys) is unfit when any of its items is a demo value
        for (String item : v.split(",")) {
            if (KNOWN_DEMO_VALUES.contains(item.trim()) || item.toLowerCase(Locale.ROOT).contains(DEMO_MARKER)) {
                return "is a demo value";
            }
        }
        if (v.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    /** The environment variable that sets the property, as Quarkus maps it. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
