package ru.rassylka.manage;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import ru.rassylka.mailing.Mailing;

/** Pages of every user's mailings for the manager's table: only the visible rows are loaded. */
public class MailingsLazyModel extends LazyDataModel<Mailing> {

    private static final long serialVersionUID = 1L;

    private final transient MailingOversight oversight;
    private String search;

    public MailingsLazyModel(MailingOversight oversight) {
        this.oversight = oversight;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return oversight.count(search);
    }

    @Override
    public List<Mailing> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? null : sort.getField();
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return oversight.page(search, field, ascending, first, pageSize);
    }

    @Override
    public String getRowKey(Mailing mailing) {
        return String.valueOf(mailing.getId());
    }

    @Override
    public Mailing getRowData(String rowKey) {
        return getWrappedData() == null ? null : getWrappedData().stream()
                .filter(mailing -> String.valueOf(mailing.getId()).equals(rowKey)).findFirst().orElse(null);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }
}
