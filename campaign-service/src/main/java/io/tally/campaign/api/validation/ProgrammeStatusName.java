package io.tally.campaign.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.tally.campaign.programmes.ProgrammeRules;

/** The value must be a programme status (draft, active, closed); null means draft. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = ProgrammeStatusName.Validator.class)
public @interface ProgrammeStatusName {

    String message() default "is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with the domain rule. */
    class Validator implements ConstraintValidator<ProgrammeStatusName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(ProgrammeRules.statusProblem(value), context);
        }
    }
}
