package ru.rassylka.platform.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.RegisterBacking;
import ru.rassylka.account.User;
import ru.rassylka.blog.Article;
import ru.rassylka.client.Client;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.message.Message;

/**
 * The limits and required fields of the forms are the entities' own constraints: Bean Validation
 * refuses what breaks them with a message that names the limit, in Russian and English, as the
 * form shows it next to the field.
 */
class EntityConstraintsTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aMailingNameLongerThanTheEntityLimitIsRefusedWithTheLimitInTheMessage() {
        String tooLong = "Я".repeat(Mailing.NAME_MAX + 1);

        assertEquals(List.of("Не длиннее 200 символов."), messages(Mailing.class, "name", tooLong, RUSSIAN));
        assertEquals(List.of("At most 200 characters."), messages(Mailing.class, "name", tooLong, Locale.ENGLISH));
        assertEquals(List.of(), messages(Mailing.class, "name", "Я".repeat(Mailing.NAME_MAX), RUSSIAN));
    }

    @Test
    void aMailingNeedsANameThatIsNotBlank() {
        assertEquals(List.of("Заполните это поле."), messages(Mailing.class, "name", " ", RUSSIAN));
        assertEquals(List.of("Please fill in this field."), messages(Mailing.class, "name", null, Locale.ENGLISH));
    }

    @Test
    void theOtherFormsFieldsAreLimitedByTheirEntitiesConstants() {
        assertEquals(
                List.of("Не длиннее 255 символов."),
                messages(Message.class, "subject", "x".repeat(Message.SUBJECT_MAX + 1), RUSSIAN));
        assertEquals(List.of("Заполните это поле."), messages(Message.class, "body", "", RUSSIAN));
        assertEquals(
                List.of("At most 200 characters."),
                messages(Client.class, "fullName", "x".repeat(Client.FULL_NAME_MAX + 1), Locale.ENGLISH));
        assertEquals(
                List.of("At most 1000 characters."),
                messages(Client.class, "comment", "x".repeat(Client.COMMENT_MAX + 1), Locale.ENGLISH));
        assertEquals(
                List.of("Не длиннее 200 символов."),
                messages(Article.class, "title", "x".repeat(Article.TITLE_MAX + 1), RUSSIAN));
        assertEquals(
                List.of("Не длиннее 32 символов."),
                messages(User.class, "phone", "1".repeat(User.PHONE_MAX + 1), RUSSIAN));
        assertEquals(
                List.of("Не длиннее 500 символов."),
                messages(Mailing.class, "disabledReason", "x".repeat(Mailing.REASON_MAX + 1), RUSSIAN));
    }

    @Test
    void aLengthWithALowerBoundNamesBothBounds() {
        assertEquals(List.of("От 8 до 128 символов."), messages(RegisterBacking.class, "password", "short", RUSSIAN));
        assertEquals(
                List.of("From 8 to 128 characters."),
                messages(RegisterBacking.class, "password", "short", Locale.ENGLISH));
    }

    /** The messages of the property's constraints for the value, in the language of a form's view. */
    static List<String> messages(Class<?> type, String property, Object value, Locale locale) {
        MessageInterpolator interpolator = FACTORY.getMessageInterpolator();
        Validator validator = FACTORY.usingContext()
                .messageInterpolator(new MessageInterpolator() {
                    @Override
                    public String interpolate(String template, Context context) {
                        return interpolator.interpolate(template, context, locale);
                    }

                    @Override
                    public String interpolate(String template, Context context, Locale ignored) {
                        return interpolator.interpolate(template, context, locale);
                    }
                })
                .getValidator();
        return validator.validateValue(type, property, value).stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .toList();
    }
}
