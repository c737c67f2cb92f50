import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Fails a module's build when a test class in its tree did not run (issue 9, "tests that do not test"): a class
 * whose name surefire's includes do not match, a static nested class without {@code @Nested}, anything the test
 * run silently leaves out. Run by the parent pom (profile {@code test-class-count}) through exec-maven-plugin on
 * the module's test classpath, once in each of two modes:
 *
 * <pre>
 *   java -cp TEST_CLASSPATH scripts/TestClassCount.java mark  MODULE_DIR
 *   java -cp TEST_CLASSPATH scripts/TestClassCount.java check MODULE_DIR SKIP_TESTS MAVEN_TEST_SKIP
 * </pre>
 *
 * {@code mark} (before surefire) notes the time, so that {@code check} counts only the reports of this build's
 * test run, never one left in target/ by an earlier run of a class that has since stopped running.
 *
 * <p>{@code check} (at verify) prints "yishi: MODULE: test classes in tree N, run M" and exits 1 naming each class
 * that is in one list and not the other.
 * <ul>
 *   <li><b>In the tree</b>: every concrete class compiled from {@code src/test/java} (not generated), outside {@code bench/}
 *       packages (JMH benchmarks, run by scripts/bench.sh), with a test method of its own or inherited: a method
 *       whose annotation is, or is meta-annotated with, JUnit's {@code @Testable} ({@code @Test},
 *       {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate},
 *       test-support's {@code @PropertyTest}, Jazzer's {@code @FuzzTest} ...). Abstract bases and helpers without tests are
 *       not test classes. A {@code @Nested} inner class with tests counts on its own, as {@code Outer$Inner}.</li>
 *   <li><b>Run</b>: the distinct {@code classname} of the test cases in this build's
 *       {@code target/surefire-reports/TEST-*.xml}. Surefire writes a {@code @Nested} class's cases into its
 *       outer class's report with {@code classname="Outer$Inner"}, so nested classes are matched one to one.</li>
 * </ul>
 * With {@code -DskipTests} or {@code -Dmaven.test.skip} nothing ran, so nothing is checked; with {@code -Dtest=...}
 * the profile is not active at all (one targeted test is not the whole tree).
 */
public final class TestClassCount {

    private static final String MARKER = "test-class-count.start";
    private static final Set<String> TESTABLE = Set.of(
            "org.junit.platform.commons.annotation.Testable",
            "org.junit.jupiter.api.Test", "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.TestTemplate", "org.junit.jupiter.params.ParameterizedTest",
            "com.code_intelligence.jazzer.junit.FuzzTest");

    private TestClassCount() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TestClassCount mark|check MODULE_DIR [SKIP_TESTS MAVEN_TEST_SKIP]");
            System.exit(2);
        }
        Path module = Path.of(args[1]).toAbsolutePath().normalize();
        Path target = module.resolve("target");
        switch (args[0]) {
            case "mark" -> {
                Files.createDirectories(target);
                Files.writeString(target.resolve(MARKER), "");
            }
            case "check" -> System.exit(check(module, target, args.length > 2 && "true".equals(args[2]),
                    args.length > 3 && "true".equals(args[3])));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static int check(Path module, Path target, boolean skipTests, boolean testSkip) throws Exception {
        String name = module.getFileName().toString();
        if (skipTests || testSkip) {
            System.out.println("yishi: " + name + ": tests skipped (" + (skipTests ? "-DskipTests" : "-Dmaven.test.skip")
                    + "), test classes not counted");
            return 0;
        }
        Set<String> tree = testClassesInTree(target.resolve("test-classes"), target.resolve("generated-test-sources"));
        Set<String> run = testClassesRun(target.resolve("surefire-reports"), target.resolve(MARKER));
        System.out.println("yishi: " + name + ": test classes in tree " + tree.size() + ", run " + run.size());
        Set<String> notRun = new TreeSet<>(tree);
        notRun.removeAll(run);
        Set<String> unknown = new TreeSet<>(run);
        unknown.removeAll(tree);
        notRun.forEach(c -> System.out.println("yishi: " + name + ": NOT RUN: " + c + hint(c)));
        unknown.forEach(c -> System.out.println("yishi: " + name + ": ran but not a test class of src/test/java: " + c));
        if (notRun.isEmpty() && unknown.isEmpty()) {
            return 0;
        }
        System.out.println("yishi: " + name + ": every test class in the tree must run: name it *Test (surefire's "
                + "includes), make nested classes @Nested, and keep benchmarks under a bench/ package (scripts/TestClassCount.java)");
        return 1;
    }

    private static String hint(String className) {
        return className.contains("$") ? " (a nested class runs only if it is a non-static inner class marked @Nested)"
                : " (surefire runs classes named Test*, *Test, *Tests or *TestCase)";
    }

    // ---- the tree ----

    private static Set<String> testClassesInTree(Path classes, Path generatedSources) throws IOException {
        Set<String> found = new TreeSet<>();
        if (!Files.isDirectory(classes)) {
            return found;
        }
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classes)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        for (Path file : classFiles) {
            String relative = classes.relativize(file).toString().replace('\\', '/');
            if (isBenchmark(relative)) {
                continue;
            }
            String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
            // Only what src/test/java declares, not what annotation processors generated into test-classes.
            if (generated(generatedSources, topLevel)) {
                continue;
            }
            Class<?> c;
            try {
                c = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load test class " + className + " to count it: " + e, e);
            }
            if (isConcreteClass(c) && hasTestMethod(c)) {
                found.add(c.getName());
            }
        }
        return found;
    }

    private static boolean generated(Path generatedSources, String topLevelClass) throws IOException {
        if (!Files.isDirectory(generatedSources)) {
            return false;
        }
        String source = topLevelClass.replace('.', '/') + ".java";
        try (Stream<Path> roots = Files.list(generatedSources)) {
            return roots.anyMatch(root -> Files.exists(root.resolve(source)));
        }
    }

    /** Surefire's exclude {@code **}{@code /bench/**}: benchmarks are run by scripts/bench.sh. */
    private static boolean isBenchmark(String relativePath) {
        return relativePath.startsWith("bench/") || relativePath.contains("/bench/");
    }

    private static boolean isConcreteClass(Class<?> c) {
        return !c.isInterface() && !c.isAnnotation() && !c.isEnum() && !c.isSynthetic() && !c.isAnonymousClass()
                && !c.isLocalClass() && !Modifier.isAbstract(c.getModifiers());
    }

    private static boolean hasTestMethod(Class<?> c) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(c);
        while (!todo.isEmpty()) {
            Class<?> k = todo.poll();
            if (k == Object.class || !seen.add(k)) {
                continue;
            }
            for (Method m : k.getDeclaredMethods()) {
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (isTestable(a.annotationType(), new HashSet<>())) {
                        return true;
                    }
                }
            }
            if (k.getSuperclass() != null) {
                todo.add(k.getSuperclass());
            }
            todo.addAll(List.of(k.getInterfaces()));
        }
        return false;
    }

    private static boolean isTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (TESTABLE.contains(type.getName())) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (isTestable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }

    // ---- the run ----

    private static Set<String> testClassesRun(Path reports, Path marker) throws Exception {
        Set<String> ran = new TreeSet<>();
        if (!Files.isDirectory(reports)) {
            return ran;
        }
        FileTime since = Files.exists(marker) ? Files.getLastModifiedTime(marker) : FileTime.fromMillis(0);
        List<Path> files;
        try (Stream<Path> list = Files.list(reports)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml"))
                    .filter(p -> modifiedSince(p, since)).sorted().toList();
        }
        SAXParserFactory factory = SAXParserFactory.newInstance();
        for (Path file : files) {
            factory.newSAXParser().parse(file.toFile(), new DefaultHandler() {
                private String suitePackage = "";

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("testsuite".equals(qName) && attributes.getValue("name") != null) {
                        String suite = attributes.getValue("name");
                        suitePackage = suite.contains(".") ? suite.substring(0, suite.lastIndexOf('.') + 1) : "";
                    } else if ("testcase".equals(qName) && attributes.getValue("classname") != null) {
                        String name = attributes.getValue("classname");
                        // A case named by the class's simple name (an engine may report it so) is in the suite's package.
                        ran.add(name.contains(".") ? name : suitePackage + name);
                    }
                }
            });
        }
        return ran;
    }

    private static boolean modifiedSince(Path file, FileTime since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(since) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
