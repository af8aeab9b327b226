package ru.rassylka.platform.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A one-line text without control characters (CR, LF, tab, NUL …, and the Unicode line
 * separators), for fields that may reach an e-mail header such as a name or a subject.
 */
@Pattern(regexp = SingleLine.REGEXP)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SingleLine {

    String REGEXP = "[^\\p{Cc}\\u2028\\u2029]*";

    String message() default "{ru.rassylka.platform.validation.SingleLine.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself, for code that validates without Bean Validation (the CSV import). */
    final class Check {

        private static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(REGEXP);

        private Check() {}

        public static boolean isSingleLine(String text) {
            return text == null || PATTERN.matcher(text).matches();
        }
    }
}
