package ru.rassylka.delivery;

import java.util.Map;
import java.util.regex.Pattern;
import ru.rassylka.message.BodyKind;
import ru.rassylka.message.HtmlSanitizer;
import ru.rassylka.message.HtmlToText;
import ru.rassylka.message.Placeholder;
import ru.rassylka.message.Template;
import ru.rassylka.message.TemplateValues;

/**
 * The message of a run made ready once for many recipients: an HTML body is sanitized and turned
 * into its plain-text alternative here, with the placeholders kept, so that each e-mail only
 * fills in the values (escaped in HTML) instead of parsing HTML again. Subject, text and HTML are
 * cut into fixed pieces and placeholders once, and joined per recipient.
 *
 * <p>The placeholders go through the sanitizer as harmless stand-ins (a link to
 * {@code {{unsubscribe_url}}} would otherwise lose its href, having no allowed scheme) and come
 * back afterwards.
 */
public final class RunTemplate {

    private static final Map<Placeholder, String> STAND_INS = Map.of(
            Placeholder.FULL_NAME, "rassylka-stand-in-full-name-5f1c",
            Placeholder.EMAIL, "rassylka-stand-in-email-5f1c@stand-in.invalid",
            Placeholder.UNSUBSCRIBE_URL, "https://stand-in.invalid/rassylka-stand-in-unsubscribe-5f1c");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final TemplateValues STAND_IN_VALUES = new TemplateValues(
            STAND_INS.get(Placeholder.FULL_NAME),
            STAND_INS.get(Placeholder.EMAIL),
            STAND_INS.get(Placeholder.UNSUBSCRIBE_URL));

    private final TemplateParts subject;
    private final TemplateParts text;
    private final TemplateParts html;

    private RunTemplate(String subject, String text, String html) {
        this.subject = TemplateParts.of(subject, false);
        this.text = TemplateParts.of(text, false);
        this.html = html == null ? null : TemplateParts.of(html, true);
    }

    public static RunTemplate of(String subject, String body, BodyKind kind) {
        if (kind != BodyKind.HTML) {
            return new RunTemplate(subject, body, null);
        }
        String safe = HtmlSanitizer.sanitize(Template.render(body, STAND_IN_VALUES, true));
        return new RunTemplate(subject, restore(HtmlToText.plainTextOf(safe)), restore(safe));
    }

    /** The subject, the plain text and the HTML (null for a plain-text message) for one recipient. */
    public Rendered render(TemplateValues values) {
        String renderedSubject = subject.render(values);
        boolean breaks = renderedSubject.indexOf('\r') >= 0 || renderedSubject.indexOf('\n') >= 0;
        return new Rendered(
                breaks ? LINE_BREAKS.matcher(renderedSubject).replaceAll(" ") : renderedSubject,
                text.render(values),
                html == null ? null : html.render(values));
    }

    /** One recipient's e-mail content. */
    public record Rendered(String subject, String text, String html) {}

    private static String restore(String prepared) {
        String restored = prepared;
        for (Map.Entry<Placeholder, String> standIn : STAND_INS.entrySet()) {
            restored = restored.replace(standIn.getValue(), standIn.getKey().token());
        }
        return restored;
    }
}
