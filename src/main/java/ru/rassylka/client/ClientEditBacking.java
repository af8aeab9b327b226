package ru.rassylka.client;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import ru.rassylka.platform.web.Pages;

/** Creates a client ({@code /clients/edit}) or changes and deletes one ({@code /clients/edit?id=…}). */
@Named
@ViewScoped
public class ClientEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String LIST = "/clients/index?faces-redirect=true";

    @Inject
    private ClientService clients;

    private Long id;

    // the form's fields are the entity's own, so that they carry the entity's constraints
    private Client client = new Client();

    public void onLoad() {
        if (id == null) {
            return;
        }
        client = clients.get(id);
    }

    public String save() {
        if (id == null) {
            clients.create(client.getEmail(), client.getFullName(), client.getComment());
        } else {
            clients.update(id, client.getEmail(), client.getFullName(), client.getComment());
        }
        Pages.info("clients.saved", EmailAddresses.normalize(client.getEmail()));
        return LIST;
    }

    public String delete() {
        if (id == null) {
            return null;
        }
        clients.delete(id);
        Pages.info("clients.deleted", client.getEmail());
        return LIST;
    }

    public boolean isCreating() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Client getClient() {
        return client;
    }
}
