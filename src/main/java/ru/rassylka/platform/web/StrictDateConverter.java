package ru.rassylka.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Converts the text of a date picker into a {@code LocalDate} or {@code LocalDateTime} by the
 * picker's {@code pattern}, refusing impossible dates such as 31.02 (the pickers' own conversion
 * moves them to the end of the month). Use as {@code converter="strictDate"}.
 */
@FacesConverter("strictDate")
public class StrictDateConverter implements Converter<Object> {

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        DateTimeInput input = input(component);
        return input.parse(text)
                .orElseThrow(() -> new ConverterException(new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        Pages.text("input.dateInvalid", text.strip(), input.example()),
                        null)));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        return value == null ? "" : input(component).format(value);
    }

    private static DateTimeInput input(UIComponent component) {
        Object pattern = component.getAttributes().get("pattern");
        if (pattern == null) {
            throw new IllegalStateException("A strict date input needs a pattern: " + component.getClientId());
        }
        return new DateTimeInput(pattern.toString());
    }
}
