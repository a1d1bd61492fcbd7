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

import io.tally.campaign.codes.TrackingCodes;

/** The value must be an acceptable tracking code: not blank, no whitespace, at most 200 characters once trimmed. */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = TrackingCode.Validator.class)
public @interface TrackingCode {

    String message() default "is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value with the domain rule. */
    class Validator implements ConstraintValidator<TrackingCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Constraints.report(TrackingCodes.problemWith(value), context);
        }
    }
}
