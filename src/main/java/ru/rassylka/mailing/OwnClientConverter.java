package ru.rassylka.mailing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.rassylka.client.Client;
import ru.rassylka.platform.web.Pages;

/**
 * A submitted client id becomes one of the caller's clients; any other id fails validation. A CDI
 * bean used as {@code converter="#{ownClientConverter}"}, so that the service is injected.
 */
@Named
@ApplicationScoped
public class OwnClientConverter implements Converter<Object> {

    @Inject
    private MailingService mailings;

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return mailings.findClient(Long.parseLong(value.strip())).orElseThrow(OwnClientConverter::unknown);
        } catch (NumberFormatException e) {
            throw unknown();
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        if (value instanceof Client client) {
            return client.getId() == null ? "" : client.getId().toString();
        }
        // a refused submission is shown again as it was sent
        return value == null ? "" : value.toString();
    }

    private static ConverterException unknown() {
        return new ConverterException(
                new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text("mailings.unknownClient"), null));
    }
}
