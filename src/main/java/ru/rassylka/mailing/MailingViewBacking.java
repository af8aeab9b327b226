package ru.rassylka.mailing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.client.Client;
import ru.rassylka.platform.web.Pages;

/** One mailing of the owner with pause, resume and delete; another owner's id answers 404. */
@Named
@ViewScoped
public class MailingViewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private MailingService mailings;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private Mailing mailing;
    private String zone;

    public void onLoad() {
        // no row has id 0: a page without an id answers 404, as for a foreign or deleted one
        mailing = mailings.get(id == null ? 0 : id);
        zone = activeUser.timeZone();
    }

    public String pause() {
        return act(() -> mailings.pause(id), "mailings.paused");
    }

    public String resume() {
        return act(() -> mailings.resume(id), "mailings.resumed");
    }

    public String delete() {
        mailings.delete(id);
        Pages.info("mailings.deleted", mailing.getName());
        return "/mailings/index?faces-redirect=true";
    }

    private String act(Runnable action, String doneKey) {
        action.run();
        Pages.info(doneKey, mailing.getName());
        return "/mailings/view?faces-redirect=true&id=" + id;
    }

    public List<Client> getRecipients() {
        return mailing.getRecipients().stream()
                .sorted(Comparator.comparing(Client::getEmail))
                .toList();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Mailing getMailing() {
        return mailing;
    }

    public String getZone() {
        return zone;
    }
}
