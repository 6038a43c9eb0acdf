package nl.passend.opp.api.model;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A document's link is a URI that parses (RFC 3986): http(s) with a host, or urn:&lt;nid&gt;:&lt;nss&gt;.
 * The {@code @Pattern} beside it only looks at the scheme and whitespace, so "https://" or a link with
 * characters no URI may hold would otherwise be stored and shown to parents as a link.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LinkableUri.Validator.class)
public @interface LinkableUri {

    String message() default "must be an http(s) or urn URI";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LinkableUri, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || linkable(value);
        }

        static boolean linkable(String value) {
            try {
                URI uri = new URI(value);
                if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                    return uri.getHost() != null && !uri.getHost().isEmpty();
                }
                return "urn".equals(uri.getScheme()) && uri.isOpaque()
                        && uri.getSchemeSpecificPart().matches("[A-Za-z0-9][A-Za-z0-9-]{0,31}:.+");
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
