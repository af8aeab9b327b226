package ru.rassylka.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Pages of a searchable list for a PrimeFaces table: only the visible rows are loaded. The count
 * is kept per search text, since counting a large table on every page turn costs more than the
 * page itself; {@link #changed()} drops it after rows were added or removed.
 *
 * @param <T> the row type, identified by a numeric id
 */
public class SearchableLazyModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** Counts the rows that match a search text (null: all). */
    @FunctionalInterface
    public interface Counter {
        long count(String search);
    }

    /** Loads one page of the rows that match a search text, sorted by a field (null: the list's own order). */
    @FunctionalInterface
    public interface Pager<T> {
        List<T> page(String search, String sortField, boolean ascending, int first, int size);
    }

    private final transient Counter counter;
    private final transient Pager<T> pager;
    private final transient Function<T, Long> id;
    private String search;
    private String countedSearch;
    private Integer counted;

    public SearchableLazyModel(Counter counter, Pager<T> pager, Function<T, Long> id) {
        this.counter = counter;
        this.pager = pager;
        this.id = id;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (counted == null || !Objects.equals(countedSearch, search)) {
            counted = (int) Math.min(Integer.MAX_VALUE, counter.count(search));
            countedSearch = search;
        }
        return counted;
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
        String field = sort == null ? null : sort.getField();
        boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
        return pager.page(search, field, ascending, first, pageSize);
    }

    /** Forgets the count, after rows were added or removed. */
    public void changed() {
        counted = null;
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(id.apply(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return getWrappedData() == null
                ? null
                : getWrappedData().stream()
                        .filter(row -> getRowKey(row).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }
}
