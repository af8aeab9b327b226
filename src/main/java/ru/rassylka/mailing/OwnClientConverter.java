package ru.rassylka.mailing;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import ru.rassylka.client.Client;
import ru.rassylka.platform.web.Pages;

/** A submitted client id becomes one of the caller's clients; any other id fails validation. */
@FacesConverter(value = "ownClientConverter", managed = true)
public class OwnClientConverter implements Converter<Client> {

    @Inject
    private MailingService mailings;

    @Override
    public Client getAsObject(FacesContext context, UIComponent component, String value) {
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
    public String getAsString(FacesContext context, UIComponent component, Client client) {
        return client == null || client.getId() == null ? "" : client.getId().toString();
    }

    private static ConverterException unknown() {
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, Pages.text("mailings.unknownClient"), null));
    }
}
