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

/** Each element is a school code, BRIN + vestiging ({@code 12AB00}); a violation names the element ({@code schoolCodes[0]}). */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SchoolCodes.Validator.class)
public @interface SchoolCodes {

    String message() default "must be a school code: BRIN and vestiging, e.g. 12AB00";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SchoolCodes, List<String>> {

        @Override
        public boolean isValid(List<String> values, ConstraintValidatorContext context) {
            return Elements.each(values, v -> v.matches(Requests.SCHOOL_CODE), context);
        }
    }
}
