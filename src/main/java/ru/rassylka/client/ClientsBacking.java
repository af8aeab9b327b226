package ru.rassylka.client;

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
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.web.SearchableLazyModel;

/** The list of the caller's clients, with search and delete. */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    private ClientService clients;

    @Inject
    private ActiveUser activeUser;

    private SearchableLazyModel<Client> list;
    private Client selected;
    private ZoneId zone;

    @PostConstruct
    void init() {
        list = new SearchableLazyModel<>(clients::count, clients::page, Client::getId);
        zone = ZoneId.of(activeUser.user().map(User::getTimeZone).orElse(User.DEFAULT_TIME_ZONE));
    }

    /** A moment in the user's own time zone. */
    public String date(Instant at) {
        return at == null ? "" : DATES.withZone(zone).format(at);
    }

    /** A new search starts at its first page; the search text itself is already in the model. */
    public void find() {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent("clients:table");
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }

    /** Remembers the row to delete; the dialog's confirmation deletes it. */
    public void prepareDelete(Client client) {
        selected = client;
    }

    public void delete() {
        if (selected == null) {
            return;
        }
        try {
            clients.delete(selected.getId());
            Pages.info("clients.deleted", selected.getEmail());
        } catch (ClientNotFoundException e) {
            Pages.error(e.getMessageKey());
        }
        selected = null;
        list.changed();
    }

    public SearchableLazyModel<Client> getList() {
        return list;
    }

    public Client getSelected() {
        return selected;
    }
}
