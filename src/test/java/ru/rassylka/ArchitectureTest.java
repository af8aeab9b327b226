package ru.rassylka;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.rassylka.account.User;
import ru.rassylka.client.ClientService;

/**
 * The package rules, checked on the compiled application (tests excluded).
 *
 * <ul>
 *   <li>Floors: {@code platform} is the ground and uses no feature package; {@code mail} (how an e-mail
 *       goes out) stands on {@code platform} alone; features stand on both.</li>
 *   <li>No cycle between the top-level packages.</li>
 *   <li>Web classes (Faces, Servlet, PrimeFaces) only where requests and views are handled: the web floor
 *       ({@code platform.web}, {@code platform.i18n}); the beans views reach through EL ({@code @Named} with a
 *       request, view, session or conversation scope: the {@code *Backing} classes, {@code ActiveUser} …);
 *       web components themselves (classes that extend or implement a Servlet, Faces or HTTP-authentication
 *       type: filters, servlets, converters, view and exception handlers, the login mechanism); and the
 *       {@code Session*} helpers of the login that keep what it stores in the HTTP session. Services,
 *       entities, timers and plain logic never see a request.</li>
 *   <li>Services return typed values: no {@code Object[]} rows read by index.</li>
 *   <li>Every operation of a service is one public method with the service's role check, taking the caller
 *       from the security context: no public twin that takes the owner and skips the check.</li>
 * </ul>
 */
class ArchitectureTest {

    private static final JavaClasses APPLICATION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.rassylka");

    private static final String[] WEB = {"jakarta.faces..", "jakarta.servlet..", "org.primefaces.."};

    private static final DescribedPredicate<JavaClass> SERVICES = DescribedPredicate.describe(
            "services (stateless and singleton beans)",
            type -> type.isAnnotatedWith(Stateless.class) || type.isAnnotatedWith(Singleton.class));

    @Test
    void platformUsesNoFeaturePackage() {
        noClasses()
                .that()
                .resideInAPackage("ru.rassylka.platform..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("ru.rassylka..").and(not(resideInAPackage("ru.rassylka.platform.."))))
                .check(APPLICATION);
    }

    @Test
    void mailStandsOnPlatformAlone() {
        noClasses()
                .that()
                .resideInAPackage("ru.rassylka.mail..")
                .should()
                .dependOnClassesThat(resideInAPackage("ru.rassylka..")
                        .and(not(resideInAnyPackage("ru.rassylka.mail..", "ru.rassylka.platform.."))))
                .check(APPLICATION);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("ru.rassylka.(*)..").should().beFreeOfCycles().check(APPLICATION);
    }

    @Test
    void webClassesOnlyWhereRequestsAndViewsAreHandled() {
        noClasses()
                .that(not(handlesRequests()))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(WEB)
                .check(APPLICATION);
    }

    @Test
    void noServiceMethodReturnsUntypedRows() {
        noMethods()
                .that()
                .areDeclaredInClassesThat(SERVICES)
                .and()
                .arePublic()
                .should(ArchConditions.be(DescribedPredicate.describe(
                        "returning Object[] or a list of Object[]", ArchitectureTest::returnsRows)))
                .check(APPLICATION);
    }

    @Test
    void noPublicServiceMethodTakesAnAccount() {
        noMethods()
                .that()
                .areDeclaredInClassesThat(SERVICES)
                .and()
                .arePublic()
                .should()
                .haveRawParameterTypes(DescribedPredicate.describe(
                        "an account among them",
                        parameters -> parameters.stream().anyMatch(type -> type.isEquivalentTo(User.class))))
                .check(APPLICATION);
    }

    @Test
    void servicesWithARoleOpenNoMethodToEveryone() {
        noMethods()
                .that()
                .areDeclaredInClassesThat(SERVICES)
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RolesAllowed.class)
                .and()
                .arePublic()
                .should()
                .beAnnotatedWith(PermitAll.class)
                .check(APPLICATION);
    }

    @Test
    void theRulesSeeTheServices() {
        List<String> services = APPLICATION.stream()
                .filter(SERVICES)
                .map(JavaClass::getSimpleName)
                .toList();
        assertTrue(services.contains(ClientService.class.getSimpleName()), services.toString());
        assertTrue(services.size() > 20, services.toString());
    }

    private static DescribedPredicate<JavaClass> handlesRequests() {
        return DescribedPredicate.describe(
                "handle requests or views",
                type -> type.getPackageName().startsWith("ru.rassylka.platform.web")
                        || type.getPackageName().startsWith("ru.rassylka.platform.i18n")
                        || isViewBean(type)
                        || isWebComponent(type)
                        || type.getSimpleName().startsWith("Session")
                        || type.getEnclosingClass()
                                .map(ArchitectureTest::isViewBean)
                                .orElse(false));
    }

    private static boolean isViewBean(JavaClass type) {
        return type.isAnnotatedWith(Named.class)
                && Stream.of(RequestScoped.class, ViewScoped.class, SessionScoped.class, ConversationScoped.class)
                        .anyMatch(type::isAnnotatedWith);
    }

    private static boolean isWebComponent(JavaClass type) {
        return Stream.concat(type.getAllRawSuperclasses().stream(), type.getAllRawInterfaces().stream())
                .anyMatch(parent -> Stream.of(
                                "jakarta.faces.",
                                "jakarta.servlet.",
                                "org.primefaces.",
                                "jakarta.security.enterprise.authentication.mechanism.http.")
                        .anyMatch(parent.getName()::startsWith));
    }

    private static boolean returnsRows(JavaMethod method) {
        JavaType returned = method.getReturnType();
        if (returned.toErasure().isEquivalentTo(Object[].class)) {
            return true;
        }
        return returned instanceof JavaParameterizedType list
                && list.toErasure().isAssignableTo(java.util.Collection.class)
                && list.getActualTypeArguments().stream()
                        .anyMatch(argument -> argument.toErasure().isEquivalentTo(Object[].class));
    }
}
