package ru.rassylka.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class SearchableLazyModelTest {

    private record Row(Long id, String name) {}

    private final List<String> counted = new ArrayList<>();
    private final List<String> paged = new ArrayList<>();
    private final SearchableLazyModel<Row> model = new SearchableLazyModel<>(
            search -> {
                counted.add(String.valueOf(search));
                return 42;
            },
            (search, field, ascending, first, size) -> {
                paged.add(search + "|" + field + "|" + ascending + "|" + first + "|" + size);
                return List.of(new Row(7L, "seven"), new Row(8L, "eight"));
            },
            Row::id);

    @Test
    void theCountIsAskedOncePerSearchTextUntilRowsChange() {
        assertEquals(42, model.count(Map.of()));
        assertEquals(42, model.count(Map.of()));
        model.setSearch("  петр ");
        model.count(Map.of());
        model.count(Map.of());
        model.changed();
        model.count(Map.of());
        assertEquals(List.of("null", "петр", "петр"), counted);
    }

    @Test
    void blankSearchMeansAllRows() {
        model.setSearch("   ");
        assertNull(model.getSearch());
    }

    @Test
    void theChosenSortReachesThePagerAndNoSortLeavesTheListsOwnOrder() {
        model.load(40, 20, Map.of(), Map.of());
        SortMeta byName =
                SortMeta.builder().field("name").order(SortOrder.ASCENDING).build();
        model.load(0, 20, Map.of("name", byName), Map.of());
        assertEquals(List.of("null|null|false|40|20", "null|name|true|0|20"), paged);
    }

    @Test
    void rowsAreFoundByTheirIdAmongTheLoadedPage() {
        model.setWrappedData(model.load(0, 20, Map.of(), Map.of()));
        assertEquals("8", model.getRowKey(new Row(8L, "eight")));
        assertEquals("seven", model.getRowData("7").name());
        assertNull(model.getRowData("9"));
    }
}
