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
import java.util.List;
import nl.passend.events.EventType;

/**
 * Each element is a CloudEvents type of Passend's catalogue ({@link EventType}), e.g.
 * {@code nl.passend.pupil.enrolled.v1}; a violation names the element ({@code eventTypes[1]}).
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EventTypes.Validator.class)
public @interface EventTypes {

    String message() default "must be an event type of Passend's catalogue (api-specs/asyncapi/passend-events.yaml), e.g. nl.passend.pupil.enrolled.v1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventTypes, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return Elements.each(values, v -> EventType.byType(v).isPresent(), context);
        }
    }
}
