package io.passerine.docs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds every {@code passerine.*} name in Java sources by parsing them (JavaParser) and evaluating each string
 * expression symbolically: literals, {@code +} chains, {@code ?:}, constants ({@code PREFIX}, {@code Other.PREFIX}),
 * locals, methods of the same or a named class that return strings ({@code prefix(name)}), and method parameters
 * (the arguments of every call of that method, e.g. {@code timeouts(PREFIX)}). What cannot be resolved becomes a
 * placeholder, shown as {@code <name>}. Types are found by simple name anywhere under the source root, so moving a
 * class to another package changes nothing. Known gap: a key built from a value this cannot follow (a field set in a
 * constructor, a collection) is missed, not reported.
 */
final class ConfigKeyScanner {

    private static final Pattern KEY = Pattern.compile("passerine\\.[A-Za-z0-9_.<>()-]*[A-Za-z0-9_>)-]");
    private static final int MAX_DEPTH = 8;

    private final List<CompilationUnit> units = new ArrayList<>();
    private final Map<String, List<TypeDeclaration<?>>> types = new TreeMap<>();

    ConfigKeyScanner(Path sourceRoot) {
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                ParseResult<CompilationUnit> result = parser.parse(file);
                if (!result.isSuccessful()) {
                    throw new IllegalStateException("cannot parse " + file + ": " + result.getProblems());
                }
                CompilationUnit unit = result.getResult().orElseThrow();
                unit.setStorage(file);
                units.add(unit);
                for (TypeDeclaration<?> t : unit.findAll(TypeDeclaration.class)) {
                    types.computeIfAbsent(t.getNameAsString(), k -> new ArrayList<>()).add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code passerine.*} name (not ending with a dot) that a string expression can take, with where. */
    Map<String, String> keys() {
        Map<String, String> found = new TreeMap<>();
        Set<Expression> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CompilationUnit unit : units) {
            for (StringLiteralExpr literal : unit.findAll(StringLiteralExpr.class)) {
                Expression top = top(literal);
                if (done.add(top)) {
                    for (String value : eval(top, 0)) {
                        if (KEY.matcher(value).matches()) {
                            found.putIfAbsent(value.replaceAll("<[^>]*>", "<name>"), where(top));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Expression top(Expression e) {
        Expression top = e;
        while (top.getParentNode().orElse(null) instanceof Expression parent
                && (parent instanceof EnclosedExpr
                        || parent instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS)) {
            top = parent;
        }
        return top;
    }

    private static String where(Node node) {
        String file = node.findCompilationUnit().flatMap(CompilationUnit::getStorage)
                .map(s -> s.getPath().getFileName().toString()).orElse("?");
        return file + ":" + node.getBegin().map(p -> p.line).orElse(0);
    }

    private Set<String> eval(Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return Set.of("<?>");
        }
        if (e instanceof StringLiteralExpr s) {
            return Set.of(s.asString());
        }
        if (e instanceof EnclosedExpr en) {
            return eval(en.getInner(), depth);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Set<String> out = new LinkedHashSet<>();
            for (String l : eval(b.getLeft(), depth)) {
                for (String r : eval(b.getRight(), depth)) {
                    out.add(l + r);
                }
            }
            return out;
        }
        if (e instanceof ConditionalExpr c) {
            Set<String> out = new LinkedHashSet<>(eval(c.getThenExpr(), depth));
            out.addAll(eval(c.getElseExpr(), depth));
            return out;
        }
        if (e instanceof NameExpr n) {
            return name(n, n.getNameAsString(), depth);
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof NameExpr owner
                && types.containsKey(owner.getNameAsString())) {
            return orPlaceholder(fields(types.get(owner.getNameAsString()), f.getNameAsString(), depth),
                    f.getNameAsString());
        }
        if (e instanceof MethodCallExpr m) {
            List<TypeDeclaration<?>> owners = m.getScope().isEmpty() ? enclosingTypes(m)
                    : m.getScope().get() instanceof NameExpr s ? types.getOrDefault(s.getNameAsString(), List.of())
                    : List.of();
            return orPlaceholder(returns(owners, m, depth), m.getNameAsString() + "()");
        }
        return Set.of("<" + e.getClass().getSimpleName() + ">");
    }

    private Set<String> name(Node at, String name, int depth) {
        Set<String> out = new LinkedHashSet<>();
        CallableDeclaration<?> callable = at.findAncestor(CallableDeclaration.class).orElse(null);
        if (callable != null) {
            for (VariableDeclarator v : callable.findAll(VariableDeclarator.class)) {
                if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                    out.addAll(eval(v.getInitializer().get(), depth + 1));
                }
            }
            for (int i = 0; i < callable.getParameters().size(); i++) {
                if (callable.getParameter(i).getNameAsString().equals(name)) {
                    out.addAll(arguments(callable, i, depth));
                }
            }
        }
        if (out.isEmpty()) {
            out.addAll(fields(enclosingTypes(at), name, depth));
        }
        return orPlaceholder(out, name);
    }

    private Set<String> fields(List<TypeDeclaration<?>> owners, String name, int depth) {
        Set<String> out = new LinkedHashSet<>();
        for (TypeDeclaration<?> t : owners) {
            for (FieldDeclaration f : t.getFields()) {
                for (VariableDeclarator v : f.getVariables()) {
                    if (v.getNameAsString().equals(name) && v.getInitializer().isPresent()) {
                        out.addAll(eval(v.getInitializer().get(), depth + 1));
                    }
                }
            }
        }
        return out;
    }

    private Set<String> returns(List<TypeDeclaration<?>> owners, MethodCallExpr call, int depth) {
        Set<String> out = new LinkedHashSet<>();
        for (TypeDeclaration<?> t : owners) {
            for (MethodDeclaration m : t.getMethodsByName(call.getNameAsString())) {
                if (m.getParameters().size() == call.getArguments().size()) {
                    for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
                        r.getExpression().ifPresent(x -> out.addAll(eval(x, depth + 1)));
                    }
                }
            }
        }
        return out;
    }

    /** The values of parameter {@code index}: the evaluated arguments of every call of the method. */
    private Set<String> arguments(CallableDeclaration<?> callable, int index, int depth) {
        Set<String> out = new LinkedHashSet<>();
        if (callable instanceof MethodDeclaration) {
            for (CompilationUnit unit : units) {
                for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
                    if (call.getNameAsString().equals(callable.getNameAsString())
                            && call.getArguments().size() == callable.getParameters().size()
                            && mayCall(call, callable)) {
                        out.addAll(eval(call.getArgument(index), depth + 1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code call} can be a call of {@code callable}: without a scope only from inside its type, with a type
     * name as scope only with that type's; a call on a variable or expression is taken to be one.
     */
    private boolean mayCall(MethodCallExpr call, CallableDeclaration<?> callable) {
        List<TypeDeclaration<?>> declaring = enclosingTypes(callable);
        if (call.getScope().isEmpty()) {
            return enclosingTypes(call).stream().anyMatch(declaring::contains);
        }
        return !(call.getScope().get() instanceof NameExpr scope && types.containsKey(scope.getNameAsString()))
                || declaring.stream().anyMatch(t -> t.getNameAsString().equals(scope.getNameAsString()));
    }

    private static List<TypeDeclaration<?>> enclosingTypes(Node at) {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        Node n = at;
        while ((n = n.getParentNode().orElse(null)) != null) {
            if (n instanceof TypeDeclaration<?> t) {
                out.add(t);
            }
        }
        return out;
    }

    private static Set<String> orPlaceholder(Set<String> values, String name) {
        return values.isEmpty() ? Set.of("<" + name + ">") : values;
    }
}
