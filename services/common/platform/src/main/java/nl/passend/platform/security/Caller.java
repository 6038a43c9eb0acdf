package nl.passend.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified token: subject, roles, and the scope claims {@code schools},
 * {@code board} and {@code swv}. Object-level checks build on these.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Set<String> schools;

    /** The identity provider's subject; for a parent, what guardians' {@code accountId} is matched with. */
    public String subject() {
        String subject = token.getSubject();
        return subject != null ? subject : identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** The first of the given roles the caller has: the role under which an access is granted and audited. */
    public Optional<String> firstRoleOf(String... roles) {
        return Arrays.stream(roles).filter(identity::hasRole).findFirst();
    }

    /** The school codes the caller works for; Keycloak may send them as an array or as one comma-separated value. */
    public Set<String> schools() {
        if (schools == null) {
            Object claim = token.getClaim("schools");
            Set<String> codes = new LinkedHashSet<>();
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> codes.addAll(split(unquote(String.valueOf(v)))));
            } else if (claim instanceof jakarta.json.JsonArray array) {
                array.forEach(v -> codes.addAll(split(unquote(v.toString()))));
            } else if (claim != null) {
                codes.addAll(split(unquote(claim.toString())));
            }
            schools = Set.copyOf(codes);
        }
        return schools;
    }

    public boolean worksAt(String schoolCode) {
        return schoolCode != null && schools().contains(schoolCode);
    }

    public Optional<String> board() {
        return claim("board");
    }

    public Optional<String> swv() {
        return claim("swv");
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(unquote(value.toString())).filter(s -> !s.isBlank());
    }

    private static Set<String> split(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
