package ru.rassylka.message;

/** What the placeholders stand for when a message is rendered for one client. */
public record TemplateValues(String fullName, String email, String unsubscribeUrl) {

    /** The value of a placeholder; an empty string when it is not known. */
    public String valueOf(Placeholder placeholder) {
        String value = switch (placeholder) {
            case FULL_NAME -> fullName;
            case EMAIL -> email;
            case UNSUBSCRIBE_URL -> unsubscribeUrl;
        };
        return value == null ? "" : value;
    }
}
