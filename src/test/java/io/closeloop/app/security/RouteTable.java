package io.closeloop.app.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Every JAX-RS endpoint of the application, read from the compiled classes (every {@code @Path}
 * class under {@code io.closeloop}), so a new endpoint is in the security suite the moment it exists.
 */
record RouteTable(List<Route> routes) {

    /** One endpoint: method, path template, the roles it allows (empty: any authenticated user), what it consumes. */
    record Route(String method, String template, Set<String> roles, boolean permitAll, Set<String> consumes) {

        /** The template with each parameter filled: the first alternative of a {@code {kind: a|b}} regex, else 1. */
        String concretePath() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*([^}]+))?}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String regex = m.group(1) == null ? "" : m.group(1).trim();
                String value = regex.matches("[\\w-]+(\\|[\\w-]+)*") ? regex.split("\\|")[0] : "1";
                m.appendReplacement(out, value);
            }
            return m.appendTail(out).toString();
        }

        boolean isApi() {
            return template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static RouteTable scan() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().importPackages("io.closeloop")) {
            if (!javaClass.isAnnotatedWith(Path.class) || javaClass.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null || !Modifier.isPublic(method.getModifiers())) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(base, sub == null ? "" : sub.value());
                RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                        : type.getAnnotation(RolesAllowed.class);
                boolean permitAll = method.isAnnotationPresent(PermitAll.class)
                        || (!method.isAnnotationPresent(RolesAllowed.class) && type.isAnnotationPresent(PermitAll.class));
                Consumes consumes = method.isAnnotationPresent(Consumes.class) ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                routes.add(new Route(http, template, roles == null ? Set.of() : new TreeSet<>(Arrays.asList(roles.value())),
                        permitAll, consumes == null ? Set.of() : new TreeSet<>(Arrays.asList(consumes.value()))));
            }
        }
        routes.sort(Comparator.comparing(Route::toString));
        return new RouteTable(List.copyOf(routes));
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
