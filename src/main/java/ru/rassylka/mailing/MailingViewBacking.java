package ru.rassylka.mailing;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.primefaces.PrimeFaces;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.client.Client;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunProgress;
import ru.rassylka.delivery.Runs;
import ru.rassylka.platform.BusinessException;
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

    @Inject
    private Runs runs;

    private Long id;
    private Mailing mailing;
    private String zone;
    private RunProgress progress;
    private long recipientsNow;
    private String requestKey;

    public void onLoad() {
        mailing = id == null ? null : mailings.find(id).orElse(null);
        if (mailing == null) {
            Pages.notFound();
            return;
        }
        zone = activeUser.timeZone();
        progress = runs.progress(id).orElse(null);
        requestKey = MailingRun.newRequestKey();
        if (!mailing.isPaused() && !mailing.isDisabled()) {
            recipientsNow = runs.recipientsNow(id);
        }
    }

    /** The poll of the progress bar; tells the page to stop polling once the run is finished. */
    public void refreshProgress() {
        progress = runs.progress(id).orElse(null);
        PrimeFaces.current().ajax().addCallbackParam("finished", !isSending());
    }

    /** Starts a run at once; a repeated post of the page's form (its key) starts nothing more. */
    public String sendNow() {
        try {
            runs.sendNow(id, requestKey);
        } catch (MailingNotFoundException e) {
            Pages.notFound();
            return null;
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
            return null;
        }
        Pages.info("sending.started", mailing.getName());
        return "/mailings/view?faces-redirect=true&id=" + id;
    }

    /** What the send-now button does, e.g. "Отправить сейчас: 3 получателя". */
    public String getSendNowLabel() {
        return Pages.counted("sending.sendNowTo", recipientsNow);
    }

    /** The key of this page's forms: posts that carry it start one run at most. */
    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public boolean isSending() {
        return progress != null && !progress.finished();
    }

    public RunProgress getProgress() {
        return progress;
    }

    public String pause() {
        return act(() -> mailings.pause(id), "mailings.paused");
    }

    public String resume() {
        return act(() -> mailings.resume(id), "mailings.resumed");
    }

    public String delete() {
        try {
            mailings.delete(id);
        } catch (MailingNotFoundException e) {
            Pages.notFound();
            return null;
        }
        Pages.info("mailings.deleted", mailing.getName());
        return "/mailings/index?faces-redirect=true";
    }

    private String act(Runnable action, String doneKey) {
        try {
            action.run();
        } catch (MailingNotFoundException e) {
            Pages.notFound();
            return null;
        }
        Pages.info(doneKey, mailing.getName());
        return "/mailings/view?faces-redirect=true&id=" + id;
    }

    public List<Client> getRecipients() {
        return mailing.getRecipients().stream().sorted(Comparator.comparing(Client::getEmail)).toList();
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
