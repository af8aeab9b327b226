package ru.rassylka.manage;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import ru.rassylka.account.User;

/** Pages of the user directory for a PrimeFaces table: only the visible rows are loaded. */
public class UsersLazyModel extends LazyDataModel<User> {

    private static final long serialVersionUID = 1L;

    private final transient UserDirectory directory;
    private String search;

    public UsersLazyModel(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return directory.count(search);
    }

    @Override
    public List<User> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? null : sort.getField();
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return directory.page(search, field, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(User user) {
        return String.valueOf(user.getId());
    }

    @Override
    public User getRowData(String rowKey) {
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(user -> String.valueOf(user.getId()).equals(rowKey)).findFirst().orElse(null);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
