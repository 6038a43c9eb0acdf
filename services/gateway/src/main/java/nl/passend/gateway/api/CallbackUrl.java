package nl.passend.gateway.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import nl.passend.gateway.domain.CallbackUrls;

/** A webhook callback URL as {@link CallbackUrls} allows it (https on a public address; local ones where configured). */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CallbackUrl.Validator.class)
public @interface CallbackUrl {

    /** The setting {@code GatewayConfig.Webhooks#allowLocalCallbacks()}. */
    String ALLOW_LOCAL = "passend.gateway.webhooks.allow-local-callbacks";

    String message() default "must be an https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CallbackUrl, String> {

        /** Read at validation time: the validators are made while Quarkus starts, before its configuration. */
        private static boolean allowLocal() {
            return ConfigProvider.getConfig().getOptionalValue(ALLOW_LOCAL, Boolean.class).orElse(false);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotNull says so
            }
            Optional<String> problem = CallbackUrls.problem(value.strip(), allowLocal());
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message.replace("{", "(").replace("}", ")")
                        .replace("$", "")).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
