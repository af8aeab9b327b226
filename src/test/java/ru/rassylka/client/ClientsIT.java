package ru.rassylka.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.client.RowProblem.Reason;
import ru.rassylka.platform.BusinessException;
import ru.rassylka.testing.Deployments;
import ru.rassylka.testing.server.TestAccounts;
import ru.rassylka.testing.server.TestClients;

/** Clients on Payara Micro with PostgreSQL: ownership, uniqueness, list queries, import and export. */
@ArquillianTest
class ClientsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application();
    }

    @EJB
    private TestAccounts accounts;

    @EJB
    private TestClients clients;

    private User newOwner(String name) {
        return accounts.create(name + "-" + System.nanoTime() + "@example.org", "owner password", true);
    }

    @Test
    void anotherOwnersIdFindsNothingAndChangesNothing() {
        User anna = newOwner("anna");
        User boris = newOwner("boris");
        Client client = clients.create(anna, "client@example.org", "Клиент Анны", "важный");

        assertTrue(clients.find(anna, client.getId()).isPresent());
        assertTrue(clients.find(boris, client.getId()).isEmpty());
        assertThrows(
                ClientNotFoundException.class,
                () -> clients.update(boris, client.getId(), "stolen@example.org", "Чужой", null));
        assertThrows(ClientNotFoundException.class, () -> clients.delete(boris, client.getId()));

        Client unchanged = clients.find(anna, client.getId()).orElseThrow();
        assertEquals("client@example.org", unchanged.getEmail());
        assertEquals("Клиент Анны", unchanged.getFullName());
        assertEquals("важный", unchanged.getComment());
        assertEquals(0, clients.count(boris, null));
    }

    @Test
    void eMailIsStoredInLowerCaseAndUniquePerOwnerRegardlessOfCase() {
        User anna = newOwner("anna");
        User boris = newOwner("boris");
        Client client = clients.create(anna, "  Olga.Smirnova@Example.ORG ", " Ольга Смирнова ", " ");

        assertEquals("olga.smirnova@example.org", client.getEmail());
        assertEquals("Ольга Смирнова", client.getFullName());
        assertNull(client.getComment());
        BusinessException duplicate = assertThrows(
                BusinessException.class, () -> clients.create(anna, "OLGA.SMIRNOVA@example.org", "Другая Ольга", null));
        assertEquals("clients.duplicate", duplicate.getMessageKey());
        assertEquals(1, clients.count(anna, null));
        // another owner may have the same recipient
        clients.create(boris, "olga.smirnova@example.org", "Ольга", null);
    }

    @Test
    void changingToTheAddressOfAnotherClientIsRefusedAndKeepsBoth() {
        User anna = newOwner("anna");
        Client first = clients.create(anna, "first@example.org", "Первый", null);
        Client second = clients.create(anna, "second@example.org", "Второй", null);

        BusinessException refused = assertThrows(
                BusinessException.class,
                () -> clients.update(anna, second.getId(), "FIRST@example.org", "Второй", null));

        assertEquals("clients.duplicate", refused.getMessageKey());
        assertEquals(
                "second@example.org",
                clients.find(anna, second.getId()).orElseThrow().getEmail());
        clients.update(anna, first.getId(), "First@Example.org", "Первый клиент", "тот же адрес");
        assertEquals(
                "Первый клиент", clients.find(anna, first.getId()).orElseThrow().getFullName());
    }

    @Test
    void invalidAddressAndMissingNameAreRefused() {
        User anna = newOwner("anna");

        assertEquals(
                "clients.emailInvalid",
                assertThrows(BusinessException.class, () -> clients.create(anna, "not an address", "Имя", null))
                        .getMessageKey());
        assertEquals(
                "clients.emailRequired",
                assertThrows(BusinessException.class, () -> clients.create(anna, " ", "Имя", null))
                        .getMessageKey());
        assertEquals(
                "clients.nameRequired",
                assertThrows(BusinessException.class, () -> clients.create(anna, "ok@example.org", " ", null))
                        .getMessageKey());
        assertEquals(0, clients.count(anna, null));
    }

    @Test
    void nameWithALineBreakIsRefusedSoItCannotReachAMailHeader() {
        User anna = newOwner("anna");

        assertEquals(
                "clients.nameNotOneLine",
                assertThrows(
                                BusinessException.class,
                                () -> clients.create(anna, "ok@example.org", "Анна\r\nBcc: all@example.org", null))
                        .getMessageKey());
        Client client = clients.create(anna, "ok@example.org", "Анна", null);
        assertEquals(
                "clients.nameNotOneLine",
                assertThrows(
                                BusinessException.class,
                                () -> clients.update(anna, client.getId(), "ok@example.org", "Анна\tПетрова", null))
                        .getMessageKey());
        assertEquals(1, clients.count(anna, null));
    }

    @Test
    void deleteRemovesTheClient() {
        User anna = newOwner("anna");
        Client client = clients.create(anna, "gone@example.org", "Ушедший", null);

        clients.delete(anna, client.getId());

        assertTrue(clients.find(anna, client.getId()).isEmpty());
        assertThrows(ClientNotFoundException.class, () -> clients.delete(anna, client.getId()));
    }

    @Test
    void pagesSortAndFindByTheStartOfAddressOrNameIgnoringCase() {
        User anna = newOwner("anna");
        clients.create(anna, "b.ivanov@example.org", "Иванов Борис", null);
        clients.create(anna, "a.petrova@example.org", "Петрова Анна", null);
        clients.create(anna, "ivanova@example.org", "Сидорова Ирина", null);
        clients.create(anna, "c_d@example.org", "Ц", null);

        assertEquals(
                List.of("a.petrova@example.org", "b.ivanov@example.org"),
                emails(clients.page(anna, null, "email", true, 0, 2)));
        assertEquals(
                List.of("ivanova@example.org", "c_d@example.org"),
                emails(clients.page(anna, null, "email", false, 0, 2)));
        assertEquals(List.of("b.ivanov@example.org"), emails(clients.page(anna, "иВАН", "fullName", true, 0, 20)));
        assertEquals(List.of("ivanova@example.org"), emails(clients.page(anna, "IVAN", "fullName", true, 0, 20)));
        assertEquals(1, clients.count(anna, "иван"));
        // the wildcards of LIKE are plain characters in a search
        assertEquals(List.of("c_d@example.org"), emails(clients.page(anna, "c_", null, true, 0, 20)));
        assertEquals(0, clients.count(anna, "%"));
        assertEquals(4, clients.count(anna, " "));
    }

    @Test
    void aSearchPagesThroughHitsByAddressOrNameEachOnceInEveryOrder() {
        User anna = listOfSix();
        User boris = newOwner("boris");
        clients.create(boris, "petrov@example.org", "Petrov", null);

        // petrenko@ matches by address and by name, and counts once
        assertEquals(5, clients.count(anna, "PETR"));
        List<String> byEmail = List.of(
                "kim@example.org",
                "lee@example.org",
                "petrenko@example.org",
                "petrova@example.org",
                "petrushka@example.org");
        List<String> byName = List.of(
                "petrova@example.org",
                "petrushka@example.org",
                "petrenko@example.org",
                "kim@example.org",
                "lee@example.org");
        List<String> byCreation = List.of(
                "petrova@example.org",
                "kim@example.org",
                "petrenko@example.org",
                "lee@example.org",
                "petrushka@example.org");
        assertPagesInEveryOrder(anna, "PETR", byEmail, byName, byCreation);
    }

    @Test
    void pagesOfTheWholeListReadFromEitherEndJoinIntoItInEveryOrder() {
        User anna = listOfSix();

        List<String> byEmail = List.of(
                "kim@example.org",
                "lee@example.org",
                "ng@example.org",
                "petrenko@example.org",
                "petrova@example.org",
                "petrushka@example.org");
        List<String> byName = List.of(
                "petrova@example.org",
                "petrushka@example.org",
                "petrenko@example.org",
                "kim@example.org",
                "lee@example.org",
                "ng@example.org");
        List<String> byCreation = List.of(
                "petrova@example.org",
                "kim@example.org",
                "petrenko@example.org",
                "lee@example.org",
                "ng@example.org",
                "petrushka@example.org");
        assertPagesInEveryOrder(anna, null, byEmail, byName, byCreation);
        assertEquals(
                List.of("petrushka@example.org", "ng@example.org"),
                emails(clients.page(anna, null, null, false, 0, 2)));
        assertEquals(List.of("petrova@example.org"), emails(clients.page(anna, null, null, false, 5, 2)));
        assertEquals(List.of(), clients.page(anna, null, null, false, 6, 2));
    }

    /** Six clients whose names and addresses sort alike under any collation (no case or punctuation decides). */
    private User listOfSix() {
        User anna = newOwner("anna");
        clients.create(anna, "petrova@example.org", "Ivanova", null);
        clients.create(anna, "kim@example.org", "Petrov", null);
        clients.create(anna, "petrenko@example.org", "Petrenko", null);
        clients.create(anna, "lee@example.org", "Petrov", null);
        clients.create(anna, "ng@example.org", "Sidorov", null);
        clients.create(anna, "petrushka@example.org", "Orlova", null);
        return anna;
    }

    /** Pages of two rows, ascending and descending by each column and in the list's own order, join into the whole. */
    private void assertPagesInEveryOrder(
            User owner, String search, List<String> byEmail, List<String> byName, List<String> byCreation) {
        assertEquals(byEmail, pagesOfTwo(owner, search, "email", true));
        assertEquals(reversed(byEmail), pagesOfTwo(owner, search, "email", false));
        assertEquals(byName, pagesOfTwo(owner, search, "fullName", true));
        assertEquals(reversed(byName), pagesOfTwo(owner, search, "fullName", false));
        assertEquals(byCreation, pagesOfTwo(owner, search, "createdAt", true));
        assertEquals(reversed(byCreation), pagesOfTwo(owner, search, "createdAt", false));
        assertEquals(reversed(byCreation), pagesOfTwo(owner, search, null, false));
    }

    private List<String> pagesOfTwo(User owner, String search, String sortField, boolean ascending) {
        List<String> all = new ArrayList<>();
        for (int first = 0; first <= 8; first += 2) {
            all.addAll(emails(clients.page(owner, search, sortField, ascending, first, 2)));
        }
        return all;
    }

    @Test
    void importAddsGoodRowsAndReportsEveryOtherRowByLine() {
        User anna = newOwner("anna");
        clients.create(anna, "known@example.org", "Уже есть", null);
        String csv = """
                email,full_name,comment
                one@example.org,Первый Клиент,из файла
                not-an-address,Без Адреса,
                Known@Example.org,Повтор Существующего,
                ,Без Почты,

                two@example.org,"Второй, с запятой","многострочный
                комментарий"
                ONE@example.org,Повтор в файле,
                three@example.org,,
                four@example.org,Четвёртый,,лишняя
                """;

        ImportJob job = clients.importCsv(anna, csv);

        assertEquals(ImportJob.State.DONE, job.getState());
        assertEquals(8, job.getRows());
        assertEquals(2, job.getImported());
        assertEquals(2, job.getDuplicates());
        assertEquals(4, job.getRejected());
        assertEquals(job.getRows(), job.getImported() + job.getDuplicates() + job.getRejected());
        assertEquals(
                List.of(
                        new RowProblem(3, Reason.EMAIL_INVALID, "not-an-address"),
                        new RowProblem(4, Reason.ALREADY_EXISTS, "known@example.org"),
                        new RowProblem(5, Reason.EMAIL_MISSING, null),
                        new RowProblem(9, Reason.DUPLICATE_IN_FILE, "one@example.org"),
                        new RowProblem(10, Reason.NAME_MISSING, null),
                        new RowProblem(11, Reason.WRONG_COLUMN_COUNT, "4")),
                job.getProblems());
        assertEquals(3, clients.count(anna, null));
        Client second = clients.page(anna, "two@", null, true, 0, 1).get(0);
        assertEquals("Второй, с запятой", second.getFullName());
        assertEquals("многострочный\nкомментарий", second.getComment());
    }

    @Test
    void theClientCountIsKeptThroughCreateDeleteAndImportAndSearchesAreCountedUpToTheCap() {
        User anna = newOwner("anna");
        Client first = clients.create(anna, "first@example.org", "Первый", null);
        clients.create(anna, "second@example.org", "Второй", null);
        clients.delete(anna, first.getId());
        StringBuilder csv = new StringBuilder("email,full_name\n");
        for (int i = 0; i <= ClientService.COUNT_CAP; i++) {
            csv.append("many")
                    .append(i)
                    .append("@example.org,Многие ")
                    .append(i)
                    .append('\n');
        }
        csv.append("second@example.org,Повтор\n");

        clients.importCsv(anna, csv.toString());

        long all = ClientService.COUNT_CAP + 2L;
        assertEquals(java.util.Optional.of(all), clients.keptCount(anna));
        assertEquals(all, clients.count(anna, null));
        assertEquals(
                ClientService.COUNT_CAP + 1L, clients.count(anna, "many"), "a large search is counted up to the cap");
        assertEquals(12, clients.count(anna, "many100"), "many100, many1000…many1009 and many10000");
    }

    @Test
    void aBrokenFileImportsNothing() {
        User anna = newOwner("anna");
        String csv = "email,full_name\nfirst@example.org,Первый\nsecond@example.org,\"Незакрытая кавычка\n";

        ImportJob job = clients.importCsv(anna, csv);

        assertEquals(ImportJob.State.REFUSED, job.getState());
        assertEquals(ClientCsvException.Reason.MALFORMED_CSV, job.getRefusal().reason());
        assertEquals(3, job.getRefusal().line());
        assertEquals(0, job.getImported());
        assertEquals(0, clients.count(anna, null));
    }

    @Test
    void manyRowsImportInBatchesAndCountExactly() {
        User anna = newOwner("anna");
        StringBuilder csv = new StringBuilder("email;full_name\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("client")
                    .append(i)
                    .append("@example.org;Клиент ")
                    .append(i)
                    .append('\n');
        }
        csv.append("client7@example.org;Повтор\n");

        ImportJob job = clients.importCsv(anna, csv.toString());

        assertEquals(2501, job.getRows());
        assertEquals(2500, job.getImported());
        assertEquals(1, job.getDuplicates());
        assertEquals(2500, clients.count(anna, null));
        ImportJob again = clients.importCsv(anna, csv.toString());
        assertEquals(0, again.getImported(), "a second run only skips");
        assertEquals(2501, again.getDuplicates());
    }

    @Test
    void exportImportedIntoAnotherOwnerRoundTripsExactly() {
        User anna = newOwner("anna");
        User boris = newOwner("boris");
        clients.create(anna, "plain@example.org", "Простой", null);
        clients.create(anna, "quoted@example.org", "Кавычки \"внутри\", и запятая", "строка 1\nстрока 2");
        clients.create(anna, "semicolon@example.org", "Точка; с запятой", "  ");
        for (int i = 0; i < 1203; i++) {
            clients.create(anna, "many" + i + "@example.org", "Клиент " + i, i % 2 == 0 ? "чётный" : null);
        }

        String exported = clients.export(anna);
        ImportJob job = clients.importCsv(boris, exported);

        assertEquals(1206, job.getImported());
        assertEquals(0, job.getDuplicates() + job.getRejected());
        assertEquals(exported, clients.export(boris));
        assertTrue(exported.startsWith("email,full_name,comment\r\n"), exported.substring(0, 40));
        assertTrue(exported.contains("\"Кавычки \"\"внутри\"\", и запятая\""), "quotes are doubled in the file");
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static List<String> emails(List<Client> page) {
        return page.stream().map(Client::getEmail).toList();
    }
}
