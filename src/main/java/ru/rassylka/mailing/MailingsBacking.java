package ru.rassylka.mailing;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.platform.web.Pages;

/** The owner's list of mailings: status, next send, markers, and pause, resume and delete. */
@Named
@ViewScoped
public class MailingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailingService mailings;

    @Inject
    private ActiveUser activeUser;

    private List<Mailing> list;
    private String zone;

    @PostConstruct
    void init() {
        zone = activeUser.timeZone();
        list = mailings.list();
    }

    public void pause(Mailing mailing) {
        act(mailing, () -> mailings.pause(mailing.getId()), "mailings.paused");
    }

    public void resume(Mailing mailing) {
        act(mailing, () -> mailings.resume(mailing.getId()), "mailings.resumed");
    }

    public void delete(Mailing mailing) {
        act(mailing, () -> mailings.delete(mailing.getId()), "mailings.deleted");
    }

    private void act(Mailing mailing, Runnable action, String doneKey) {
        try {
            action.run();
            Pages.info(doneKey, mailing.getName());
        } catch (MailingNotFoundException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
        list = mailings.list();
    }

    public List<Mailing> getList() {
        return list;
    }

    /** The owner's time zone, in which times are shown. */
    public String getZone() {
        return zone;
    }
}
