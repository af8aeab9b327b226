package ru.rassylka.mailing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.rassylka.platform.web.Pages;

/**
 * A submitted message id is accepted only when it names one of the caller's messages that is not
 * deleted; any other id fails validation. The value stays the id, so the choice list compares ids.
 * A CDI bean used as {@code converter="#{ownMessageConverter}"}, so that the service is injected.
 */
@Named
@ApplicationScoped
public class OwnMessageConverter implements Converter<Long> {

    @Inject
    private MailingService mailings;

    @Override
    public Long getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            return mailings.findMessage(id).map(message -> id).orElseThrow(OwnMessageConverter::unknown);
        } catch (NumberFormatException e) {
            throw unknown();
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Long id) {
        return id == null ? "" : id.toString();
    }

    private static ConverterException unknown() {
        return new ConverterException(
                new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text("mailings.unknownMessage"), null));
    }
}
