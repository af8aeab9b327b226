package ru.rassylka.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.rassylka.mailing.Mailing;

/**
 * The migrations keep the database's own copy of each text limit: every varchar column has the
 * length of its entity's {@code @Column}, and a {@code @Size} on the field says the same.
 */
class ColumnLengthsTest {

    private static final Pattern CREATE = Pattern.compile("create table (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("(?m)^\\s+(\\w+)\\s+varchar\\((\\d+)\\)");
    private static final Pattern ADD = Pattern.compile("alter table (\\w+) add column (\\w+) varchar\\((\\d+)\\)");

    @Test
    void everyTextColumnOfAnEntityHasTheLengthOfItsConstant() throws Exception {
        Map<String, Integer> varchars = migratedVarchars();
        List<String> checked = new ArrayList<>();
        for (Class<?> entity : entities()) {
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column == null
                        || !(field.getType() == String.class
                                || field.getType().isEnum()
                                || field.isAnnotationPresent(CollectionTable.class))) {
                    continue;
                }
                String table = field.isAnnotationPresent(CollectionTable.class)
                        ? field.getAnnotation(CollectionTable.class).name()
                        : entity.getAnnotation(Table.class).name();
                String name = table + "."
                        + (column.name().isEmpty() ? field.getName() : column.name()).toLowerCase(Locale.ROOT);
                Integer length = varchars.get(name);
                if (length == null) {
                    continue; // a text column: no length of its own
                }
                assertEquals(
                        length,
                        column.length(),
                        name + " in the migrations and on " + entity.getSimpleName() + "." + field.getName());
                Size size = field.getAnnotation(Size.class);
                if (size != null) {
                    assertEquals(length, size.max(), "@Size of " + entity.getSimpleName() + "." + field.getName());
                }
                checked.add(name);
            }
        }
        assertTrue(checked.contains("mailing.name"), checked.toString());
        assertEquals(Mailing.NAME_MAX, varchars.get("mailing.name"));
    }

    /** table.column → the length of every varchar column that the migrations create. */
    private static Map<String, Integer> migratedVarchars() throws IOException {
        Map<String, Integer> varchars = new HashMap<>();
        for (Path script : scripts()) {
            String sql = Files.readString(script).toLowerCase(Locale.ROOT);
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                Matcher column = COLUMN.matcher(create.group(2));
                while (column.find()) {
                    varchars.put(create.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
                }
            }
            Matcher add = ADD.matcher(sql);
            while (add.find()) {
                varchars.put(add.group(1) + "." + add.group(2), Integer.parseInt(add.group(3)));
            }
        }
        return varchars;
    }

    private static List<Path> scripts() throws IOException {
        Path db = classesRoot().resolve("db");
        try (Stream<Path> files = Files.walk(db)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Class<?>> entities() throws IOException, ClassNotFoundException {
        Path root = classesRoot();
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString();
                Class<?> type = Class.forName(
                        name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'),
                        false,
                        ColumnLengthsTest.class.getClassLoader());
                if (type.isAnnotationPresent(Entity.class)) {
                    entities.add(type);
                }
            }
        }
        return entities;
    }

    /** The build output of the application: its classes and its migrations. */
    private static Path classesRoot() {
        try {
            return Path.of(Mailing.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
