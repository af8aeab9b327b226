package ru.rassylka.client;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.platform.web.Pages;
import ru.rassylka.platform.validation.SingleLine;

/** Creates a client ({@code /clients/edit}) or changes and deletes one ({@code /clients/edit?id=…}). */
@Named
@ViewScoped
public class ClientEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String LIST = "/clients/index?faces-redirect=true";

    @Inject
    private ClientService clients;

    private Long id;

    @Size(max = ClientLimits.EMAIL_MAX)
    private String email;

    @Size(max = ClientLimits.FULL_NAME_MAX)
    @SingleLine
    private String fullName;

    @Size(max = ClientLimits.COMMENT_MAX)
    private String comment;

    private Instant unsubscribedAt;

    public void onLoad() {
        if (id == null) {
            return;
        }
        Optional<Client> client = clients.find(id);
        if (client.isEmpty()) {
            Pages.notFound();
            return;
        }
        email = client.get().getEmail();
        fullName = client.get().getFullName();
        comment = client.get().getComment();
        unsubscribedAt = client.get().getUnsubscribedAt();
    }

    public String save() {
        try {
            if (id == null) {
                clients.create(email, fullName, comment);
            } else {
                clients.update(id, email, fullName, comment);
            }
            Pages.info("clients.saved", EmailAddresses.normalize(email));
            return LIST;
        } catch (ClientNotFoundException e) {
            Pages.notFound();
        } catch (BusinessException e) {
            Pages.error(e.getMessageKey(), e.getArguments());
        }
        return null;
    }

    public String delete() {
        if (id == null) {
            return null;
        }
        try {
            clients.delete(id);
            Pages.info("clients.deleted", email);
            return LIST;
        } catch (ClientNotFoundException e) {
            Pages.notFound();
            return null;
        }
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public Instant getUnsubscribedAt() {
        return unsubscribedAt;
    }
}
