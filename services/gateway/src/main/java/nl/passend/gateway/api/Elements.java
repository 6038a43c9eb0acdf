package nl.passend.gateway.api;

import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.function.Predicate;

/**
 * A list whose elements each must hold, with one violation per element that does not, named by its index
 * ({@code field[1]}). (Bean Validation's container-element constraints would name it {@code field[1].<list element>}.)
 */
final class Elements {

    private Elements() {
    }

    static boolean each(List<String> values, Predicate<String> valid, ConstraintValidatorContext context) {
        if (values == null) {
            return true; // @NotEmpty says so
        }
        boolean all = true;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !valid.test(value)) {
                if (all) {
                    context.disableDefaultConstraintViolation();
                }
                all = false;
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addBeanNode().inIterable().atIndex(i).addConstraintViolation();
            }
        }
        return all;
    }
}
