package ru.rassylka.platform.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** For views: the bundle key of a counted text, e.g. {@code #{msg[plural.key('home.figures.mailings', n)]}}. */
@Named("plural")
@ApplicationScoped
public class Plurals {

    public String key(String base, long count) {
        return PluralForm.of(
                        count, FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .key(base);
    }
}
