package ru.rassylka.stats;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.primefaces.PrimeFaces;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/**
 * The statistics of one mailing: summary, runs, a chart of sends per day and the latest run's
 * progress, kept current by a poll while it runs. Serves the owner's mailing page (which names
 * the mailing by its {@code id} parameter) and the manager's read-only page.
 */
@Named
@ViewScoped
public class MailingStatisticsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Statistics statistics;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private Mailing mailing;
    private Totals totals;
    private BounceTotals bounces;
    private MailingRun latest;
    private String chart;
    private String zone;
    private SearchableLazyModel<MailingRun> runs;

    @PostConstruct
    void init() {
        // the owner's page declares its own view parameter; the id comes with the page's request
        String parameter = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
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
        runs = new SearchableLazyModel<>(search -> statistics.countRuns(id),
                (search, field, ascending, first, size) -> statistics.runs(id, first, size), MailingRun::getId);
        chart = Charts.sentAndFailed(Periods.days(statistics.mailingHours(mailingId), ZoneId.of(zone)));
        refresh();
    }

    /** Totals and the latest run again; tells the page to stop polling once nothing runs. */
    public void refresh() {
        totals = statistics.mailingTotals(id);
        bounces = statistics.mailingBounces(id);
        List<MailingRun> newest = statistics.runs(id, 0, 1);
        latest = newest.isEmpty() ? null : newest.get(0);
        if (FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            runs.changed();
            PrimeFaces.current().ajax().addCallbackParam("finished", !isRunning());
        }
    }

    public boolean isRunning() {
        return latest != null && !latest.isFinished();
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

    public MailingRun getLatest() {
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
