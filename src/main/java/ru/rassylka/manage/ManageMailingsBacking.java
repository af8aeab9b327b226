package ru.rassylka.manage;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The manager's list of all mailings, with disable (with a reason) and enable. */
@Named
@ViewScoped
public class ManageMailingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AllMailings allMailings;

    private SearchableLazyModel<Mailing> mailings;
    private Mailing selected;
    private String reason;

    @PostConstruct
    void init() {
        mailings = new SearchableLazyModel<>(allMailings::count, allMailings::page, Mailing::getId);
    }

    public void prepareDisable(Mailing mailing) {
        selected = mailing;
        reason = null;
    }

    public void disable() {
        allMailings.disable(selected.getId(), reason);
        Pages.info("manage.mailings.disabled", selected.getName());
    }

    public void enable(Mailing mailing) {
        allMailings.enable(mailing.getId());
        Pages.info("manage.mailings.enabled", mailing.getName());
    }

    public SearchableLazyModel<Mailing> getMailings() {
        return mailings;
    }

    public Mailing getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    /** The longest reason the mailing keeps; the field stops there and the service cuts a longer one. */
    public int getReasonMax() {
        return Mailing.REASON_MAX;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
