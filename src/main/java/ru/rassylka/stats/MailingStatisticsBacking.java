package ru.rassylka.stats;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import org.primefaces.PrimeFaces;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.delivery.BounceTotals;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunProgress;
import ru.rassylka.delivery.RunStatistics;
import ru.rassylka.delivery.Runs;
import ru.rassylka.delivery.Totals;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/**
 * The runs of one mailing: the latest run's progress, the summary, the runs and a chart of sends
 * per day, kept current by one poll while the latest run is unfinished, and "send now". Serves
 * the owner's mailing page (which names the mailing by its {@code id} parameter) and the
 * manager's read-only page.
 */
@Named
@ViewScoped
public class MailingStatisticsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RunStatistics statistics;

    @Inject
    private Runs runsStarted;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private Mailing mailing;
    private Totals totals;
    private BounceTotals bounces;
    private RunProgress latest;
    private String chart;
    private String zone;
    private SearchableLazyModel<MailingRun> runs;
    private Long recipientsNow;
    private String requestKey = MailingRun.newRequestKey();

    @PostConstruct
    void init() {
        // the owner's page declares its own view parameter; the id comes with the page's request
        String parameter = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("id");
        if (parameter != null && parameter.matches("\\d{1,18}")) {
            load(Long.parseLong(parameter));
        }
    }

    /** The manager's page: 404 for a mailing that does not exist or was deleted. */
    public void onLoad() {
        if (id == null || mailing == null) {
            Pages.notFound();
        }
    }

    private void load(long mailingId) {
        id = mailingId;
        mailing = statistics.mailing(mailingId).orElse(null);
        if (mailing == null) {
            return;
        }
        zone = activeUser.timeZone();
        runs = new SearchableLazyModel<>(
                search -> statistics.countRuns(id),
                (search, field, ascending, first, size) -> statistics.runs(id, first, size),
                MailingRun::getId);
        chart = Charts.sentAndFailed(Periods.days(statistics.mailingHours(mailingId), ZoneId.of(zone)));
        refresh();
    }

    /** The poll: the latest run, totals and runs again; tells the page to stop polling once nothing runs. */
    public void refresh() {
        totals = statistics.mailingTotals(id);
        bounces = statistics.mailingBounces(id);
        latest = statistics.latest(id).orElse(null);
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            runs.changed();
            PrimeFaces.current().ajax().addCallbackParam("finished", !isRunning());
        }
    }

    /**
     * Starts a run of the page's mailing at once (the id its view parameter holds on this post); a
     * repeated post of the page's form (its key) starts nothing more.
     */
    public String sendNow(long mailingId) {
        runsStarted.sendNow(mailingId, requestKey);
        Pages.info("sending.started", mailing.getName());
        return "/mailings/view?faces-redirect=true&id=" + mailingId;
    }

    /** What the send-now button does, e.g. "Отправить сейчас: 3 получателя", counted once per page. */
    public String getSendNowLabel() {
        if (recipientsNow == null) {
            recipientsNow = runsStarted.recipientsNow(id);
        }
        return Pages.counted("sending.sendNowTo", recipientsNow);
    }

    /** The key of this page's forms: posts that carry it start one run at most. */
    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public boolean isRunning() {
        return latest != null && !latest.finished();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        if (id != null && mailing == null) {
            load(id);
        }
    }

    public Mailing getMailing() {
        return mailing;
    }

    public BounceTotals getBounces() {
        return bounces;
    }

    public Totals getTotals() {
        return totals;
    }

    public RunProgress getLatest() {
        return latest;
    }

    public String getChart() {
        return chart;
    }

    public String getZone() {
        return zone;
    }

    public SearchableLazyModel<MailingRun> getRuns() {
        return runs;
    }
}
