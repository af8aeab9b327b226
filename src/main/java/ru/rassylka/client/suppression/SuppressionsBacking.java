package ru.rassylka.client.suppression;

import jakarta.annotation.PostConstruct;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.primefaces.component.datatable.DataTable;
import ru.rassylka.account.ActiveUser;
import ru.rassylka.account.User;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The caller's suppression list: search, add an address, remove an entry (a complaint's after a second confirmation). */
@Named
@ViewScoped
public class SuppressionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    private Suppressions suppressions;

    @Inject
    private ActiveUser activeUser;

    private SearchableLazyModel<Suppression> list;
    private Suppression selected;
    private boolean complaintConfirmed;
    private String address;
    private ZoneId zone;

    @PostConstruct
    void init() {
        list = new SearchableLazyModel<>(suppressions::count, suppressions::page, Suppression::getId);
        zone = ZoneId.of(activeUser.user().map(User::getTimeZone).orElse(User.DEFAULT_TIME_ZONE));
    }

    /** A moment in the user's own time zone. */
    public String date(Instant at) {
        return at == null ? "" : DATES.withZone(zone).format(at);
    }

    /** A new search starts at its first page. */
    public void find() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent("suppressions:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    public void add() {
        try {
            Suppression added = suppressions.add(address);
            Pages.info("suppressions.added", added.getAddress());
            address = null;
            list.changed();
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
    }

    /** Remembers the entry to remove; the dialog's confirmation removes it. */
    public void prepareRemove(Suppression entry) {
        selected = entry;
        complaintConfirmed = false;
    }

    public void remove() {
        if (selected == null) {
            return;
        }
        try {
            suppressions.remove(selected.getId(), complaintConfirmed);
            Pages.info("suppressions.removed", selected.getAddress());
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
        selected = null;
        list.changed();
    }

    public boolean isComplaint() {
        return selected != null && selected.getReason() == SuppressionReason.COMPLAINT;
    }

    public SearchableLazyModel<Suppression> getList() {
        return list;
    }

    public Suppression getSelected() {
        return selected;
    }

    public boolean isComplaintConfirmed() {
        return complaintConfirmed;
    }

    public void setComplaintConfirmed(boolean complaintConfirmed) {
        this.complaintConfirmed = complaintConfirmed;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
