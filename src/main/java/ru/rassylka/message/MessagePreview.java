package ru.rassylka.message;

/**
 * A message as one client would get it: placeholders filled in, an HTML body sanitized after
 * rendering (so nothing typed or substituted reaches the page unsanitized), plain text as is.
 */
public record MessagePreview(String subject, String body, boolean html) {

    public static MessagePreview of(MessageDraft draft, TemplateValues values) {
        String subject = Template.render(nullToEmpty(draft.subject()), values, false);
        String body = nullToEmpty(draft.body());
        if (draft.bodyKind() == BodyKind.HTML) {
            return new MessagePreview(subject, HtmlSanitizer.sanitize(Template.render(body, values, true)), true);
        }
        return new MessagePreview(subject, Template.render(body, values, false), false);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
