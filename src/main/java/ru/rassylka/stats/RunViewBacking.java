package ru.rassylka.stats;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.delivery.BounceTotals;
import ru.rassylka.delivery.Delivery;
import ru.rassylka.delivery.DeliveryAttempt;
import ru.rassylka.delivery.DeliveryFilter;
import ru.rassylka.delivery.MailingRun;
import ru.rassylka.delivery.RunStatistics;
import ru.rassylka.delivery.Runs;
import ru.rassylka.mailing.Mailing;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** One run: live progress, its deliveries by outcome and address, their attempts, reply codes, and "retry failed". */
@Named
@ViewScoped
public class RunViewBacking implements Serializable {

    private static final String RETRY_BUTTON = "actions:retryFailed";

    private static final long serialVersionUID = 1L;

    @Inject
    private RunStatistics statistics;

    @Inject
    private Runs runs;

    @Inject
    private ActiveUser activeUser;

    private Long id;
    private MailingRun run;
    private MailingRun retry;
    private String requestKey;
    private Mailing mailing;
    private boolean owner;
    private String zone;
    private String chart;
    private DeliveryFilter filter = DeliveryFilter.ALL;
    private SearchableLazyModel<Delivery> deliveries;
    private Delivery selected;
    private List<DeliveryAttempt> attempts = List.of();
    private BounceTotals bounces;

    public void onLoad() {
        // no row has id 0: a page without an id answers 404, as for a foreign or deleted one
        run = statistics.getRun(id == null ? 0 : id);
        mailing = statistics.mailingOf(run);
        owner = statistics.owns(mailing);
        retry = statistics.retryOf(id).orElse(null);
        requestKey = MailingRun.newRequestKey();
        zone = activeUser.timeZone();
        deliveries = new SearchableLazyModel<>(
                search -> statistics.countDeliveries(id, filter, search),
                (search, field, ascending, first, size) ->
                        statistics.deliveries(id, filter, search, field, ascending, first, size),
                Delivery::getId);
        chart = Charts.replyCodes(statistics.replyCodes(id));
        bounces = statistics.runBounces(id);
    }

    /** The poll: the run's counters again; stops once the run is finished. */
    public void refresh() {
        run = statistics.getRun(id);
        bounces = statistics.runBounces(id);
        if (run.isFinished()) {
            chart = Charts.replyCodes(statistics.replyCodes(id));
            deliveries.changed();
        }
        PrimeFaces.current().ajax().addCallbackParam("finished", run.isFinished());
    }

    /** Shows the table with another outcome filter or search, from its first page. */
    public void filterChanged() {
        deliveries.changed();
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("deliveries:table")
                instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public void showAttempts(Delivery delivery) {
        selected = delivery;
        attempts = statistics.attempts(delivery.getId());
    }

    /**
     * A post of the retry button by a reader of the run (a manager, who is shown no button) answers
     * 404 like every forged change; without this Faces would quietly ignore the button it did not render.
     */
    public void refuseChangesByReaders() {
        if (!owner
                && FacesContext.getCurrentInstance()
                        .getExternalContext()
                        .getRequestParameterMap()
                        .containsKey(RETRY_BUTTON)) {
            Pages.notFound();
        }
    }

    /**
     * Starts a run for the recipients that failed in this one, once: a repeated post of the page's
     * form, or a press on a page opened before the retry, shows the retry that exists. Another
     * owner's run answers 404.
     */
    public String retryFailed() {
        MailingRun started = runs.retryFailed(id, requestKey);
        if (started.getRequestKey().equals(requestKey)) {
            Pages.infoCounted("stats.retryStarted", started.getTotal());
        } else {
            Pages.info("stats.retriedAlready");
        }
        return "/runs/view?faces-redirect=true&id=" + started.getId();
    }

    public boolean isCanRetry() {
        return owner
                && retry == null
                && run.isFinished()
                && run.getFailed() > 0
                && !mailing.isDeleted()
                && !mailing.isDisabled()
                && !mailing.isPaused();
    }

    /** What the retry button does, e.g. "Повторить для 2 получателей". */
    public String getRetryLabel() {
        return Pages.counted("stats.retryFor", run.getFailed());
    }

    /** The run that retried this one's failed recipients, or null. */
    public MailingRun getRetry() {
        return retry;
    }

    /** The key of this page's forms: posts that carry it start one retry at most. */
    public String getRequestKey() {
        return requestKey;
    }

    public void setRequestKey(String requestKey) {
        this.requestKey = requestKey;
    }

    public DeliveryFilter[] getFilters() {
        return DeliveryFilter.values();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public BounceTotals getBounces() {
        return bounces;
    }

    public MailingRun getRun() {
        return run;
    }

    public Mailing getMailing() {
        return mailing;
    }

    public boolean isOwner() {
        return owner;
    }

    public String getZone() {
        return zone;
    }

    public String getChart() {
        return chart;
    }

    public DeliveryFilter getFilter() {
        return filter;
    }

    public void setFilter(DeliveryFilter filter) {
        this.filter = filter == null ? DeliveryFilter.ALL : filter;
    }

    public SearchableLazyModel<Delivery> getDeliveries() {
        return deliveries;
    }

    public Delivery getSelected() {
        return selected;
    }

    public List<DeliveryAttempt> getAttempts() {
        return attempts;
    }
}
