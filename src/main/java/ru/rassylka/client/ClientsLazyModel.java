package ru.rassylka.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Pages of the caller's clients for a PrimeFaces table: only the visible rows are loaded. The
 * count is kept per search, since counting a million rows on every page turn costs more than the
 * page itself; changes made on the page drop it.
 */
public class ClientsLazyModel extends LazyDataModel<Client> {

    private static final long serialVersionUID = 1L;

    private final transient ClientService clients;
    private String search;
    private String countedSearch;
    private Integer counted;

    public ClientsLazyModel(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (counted == null || !Objects.equals(countedSearch, search)) {
            counted = (int) Math.min(Integer.MAX_VALUE, clients.count(search));
            countedSearch = search;
        }
        return counted;
    }

    @Override
    public List<Client> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? null : sort.getField();
        // Newest first until the user picks a column
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return clients.page(search, field, ascending, first, pageSize);
    }

    /** Forgets the count, after clients were added or removed. */
    public void changed() {
        counted = null;
    }

    @Override
    public String getRowKey(Client client) {
        return String.valueOf(client.getId());
    }

    @Override
    public Client getRowData(String rowKey) {
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(client -> String.valueOf(client.getId()).equals(rowKey)).findFirst().orElse(null);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }
}
