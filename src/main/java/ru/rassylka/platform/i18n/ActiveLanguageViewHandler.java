package ru.rassylka.platform.i18n;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * Every view starts in the visitor's language (not the browser's Accept-Language), so that
 * messages made before rendering, e.g. in view actions, are in that language too.
 */
public class ActiveLanguageViewHandler extends ViewHandlerWrapper {

    public ActiveLanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(ActiveLanguage.class).get().getLocale();
    }
}
