package io.tally.campaign.api.validation;

import java.util.Optional;

import jakarta.validation.ConstraintValidatorContext;

/** Turns a domain rule's reason into a Bean Validation violation (reasons never echo input, and are escaped anyway). */
final class Constraints {

    private Constraints() {
    }

    /** True when there is no problem; otherwise reports {@code problem} as the violation message. */
    static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        String escaped = problem.get().replaceAll("([\\\\{}$])", "\\\\$1");
        context.buildConstraintViolationWithTemplate(escaped).addConstraintViolation();
        return false;
    }
}
