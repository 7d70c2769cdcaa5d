package camlab.exercises.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;

/**
 * Compiles exercise cells on their own, with javac in this JVM, into class files held in memory.
 *
 * <p>Compiling runs no student code (annotation processing is off). A cell JVM compiles its cell before any
 * of the cell's code runs, so a compiler that crashes, overflows its stack or runs out of memory on a hostile
 * cell takes only that cell's JVM down. Errors are reported in cell line numbers with the offending line and a
 * caret; a cell that compiles but lacks the required method is rejected here too, naming the signature it
 * must have.
 */
public final class CellCompiler implements AutoCloseable {
  private static final int MAX_ERRORS_SHOWN = 3;

  private final JavaCompiler javac;
  private final StandardJavaFileManager files;
  private final String classpath;

  public CellCompiler(String classpath) {
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("grading needs a JDK (javac), but this Java at " + System.getProperty("java.home")
          + " is a JRE; install a JDK 17+ and point JAVA_HOME to it");
    }
    this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    this.classpath = classpath;
  }

  /** Compiles {@code cellSource}, which must define {@code signature}. Not thread-safe: one cell at a time. */
  public synchronized CompileOutcome compile(CellSignature signature, String cellSource) {
    WrappedCell cell = WrappedCell.wrap(signature.cellClass(), cellSource);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-proc:none", "-g", "-nowarn", "-Xlint:none", "-encoding", "UTF-8",
        "-classpath", classpath);
    ClassOutput output = new ClassOutput(files);
    JavacTask task = (JavacTask) javac.getTask(null, output, diagnostics, options, null, List.of(new Source(cell)));
    Iterable<? extends Element> classes;
    try {
      classes = task.analyze();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
    if (!errors.isEmpty()) return rejectErrors(cell, cellSource, errors);

    String signatureProblem = signatureProblem(signature, classes, task.getTypes());
    if (signatureProblem != null) return new CompileOutcome.Rejected(signatureProblem, "");
    try {
      task.generate();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CompileOutcome.Compiled(cell, output.classes());
  }

  private static CompileOutcome rejectErrors(WrappedCell cell, String cellSource, List<Diagnostic<? extends JavaFileObject>> errors) {
    List<String> lines = cellSource.lines().toList();
    List<String> shown = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : errors.subList(0, Math.min(MAX_ERRORS_SHOWN, errors.size()))) {
      shown.add(describe(d, cell, lines));
    }
    if (errors.size() > MAX_ERRORS_SHOWN) shown.add("(" + (errors.size() - MAX_ERRORS_SHOWN) + " more errors)");
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    String summary = "does not compile: " + where(first, cell, lines) + ": " + firstLine(first.getMessage(Locale.ROOT));
    String hint = hint(errors);
    return new CompileOutcome.Rejected(summary, String.join("\n", shown) + (hint.isEmpty() ? "" : "\n" + hint));
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d, WrappedCell cell, List<String> lines) {
    StringBuilder sb = new StringBuilder(where(d, cell, lines)).append(": ").append(d.getMessage(Locale.ROOT));
    int line = cell.cellLine(d.getLineNumber());
    if (line >= 1 && line <= lines.size()) {
      String code = lines.get(line - 1);
      long column = d.getLineNumber() > cell.headerLines() ? d.getColumnNumber() : -1;
      sb.append("\n    ").append(code);
      if (column >= 1 && column <= code.length() + 1) {
        StringBuilder caret = new StringBuilder("\n    ");
        for (int i = 0; i < column - 1; i++) caret.append(code.charAt(i) == '\t' ? '\t' : ' ');
        sb.append(caret).append('^');
      }
    }
    return sb.toString();
  }

  private static String where(Diagnostic<? extends JavaFileObject> d, WrappedCell cell, List<String> lines) {
    int line = cell.cellLine(d.getLineNumber());
    if (line >= 1 && line <= lines.size()) return "cell line " + line;
    if (line > lines.size()) return "end of the cell";
    return "the cell";
  }

  private static String hint(List<Diagnostic<? extends JavaFileObject>> errors) {
    for (Diagnostic<? extends JavaFileObject> d : errors) {
      String m = d.getMessage(Locale.ROOT);
      if (m.contains("class, interface, enum, or record expected") || m.contains("<identifier> expected")
          || m.contains("illegal start of type") || m.contains("invalid method declaration")) {
        return "hint: an exercise cell may contain only declarations (methods, fields, classes, imports); "
            + "put code that tries the method out into a cell below it";
      }
      if (m.startsWith("cannot find symbol")) {
        return "hint: an exercise cell is graded on its own; if the missing name is defined in another notebook cell, "
            + "copy it into this cell (parameters, the cell's own declarations and the libraries are available)";
      }
    }
    return "";
  }

  /** Null if the cell's class declares the required method, else a message naming the required signature. */
  private static String signatureProblem(CellSignature signature, Iterable<? extends Element> classes, Types types) {
    List<ExecutableElement> sameName = new ArrayList<>();
    for (Element c : classes) {
      if (!(c instanceof TypeElement type) || !type.getSimpleName().contentEquals(signature.cellClass())) continue;
      for (Element member : type.getEnclosedElements()) {
        if (member.getKind() == ElementKind.METHOD && member.getSimpleName().contentEquals(signature.methodName())) {
          ExecutableElement method = (ExecutableElement) member;
          if (matches(method, signature, types)) return null;
          sameName.add(method);
        }
      }
    }
    String required = "cell " + signature.exerciseId() + " must define `" + signature.display() + "`";
    if (sameName.isEmpty()) {
      return required + ", but it defines no method named " + signature.methodName() + " (keep the name from the original cell)";
    }
    return required + ", but it defines " + sameName.stream().map(m -> "`" + describe(m) + "`")
        .collect(Collectors.joining(" and ")) + " (keep the signature from the original cell)";
  }

  private static boolean matches(ExecutableElement method, CellSignature signature, Types types) {
    List<? extends VariableElement> declared = method.getParameters();
    if (declared.size() != signature.parameters().size()) return false;
    for (int i = 0; i < declared.size(); i++) {
      if (!erased(declared.get(i).asType(), types).equals(signature.parameters().get(i))) return false;
    }
    return erased(method.getReturnType(), types).equals(signature.returnType());
  }

  private static String erased(javax.lang.model.type.TypeMirror type, Types types) {
    return types.erasure(type).toString();
  }

  private static String describe(ExecutableElement m) {
    String params = m.getParameters().stream()
        .map(p -> simpleName(p.asType().toString()) + " " + p.getSimpleName())
        .collect(Collectors.joining(", "));
    return simpleName(m.getReturnType().toString()) + " " + m.getSimpleName() + "(" + params + ")";
  }

  /** {@code java.util.List<ai.djl.ndarray.NDArray>} → {@code List<NDArray>}. */
  public static String simpleName(String typeName) {
    return typeName.replaceAll("\\b(?:[a-z_][\\w]*\\.)+", "").replace('$', '.');
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() throws IOException {
    files.close();
  }

  /** Keeps the class files javac writes in memory, by binary class name, in the order they are written. */
  private static final class ClassOutput extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();

    ClassOutput(JavaFileManager files) {
      super(files);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          written.put(className, bytes);
          return bytes;
        }
      };
    }

    Map<String, byte[]> classes() {
      Map<String, byte[]> out = new LinkedHashMap<>();
      written.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
      return out;
    }
  }

  /** The wrapped cell as an in-memory source file, named after its class (javac requires it for a public class). */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(WrappedCell cell) {
      super(URI.create("string:///" + cell.className() + ".java"), Kind.SOURCE);
      this.code = cell.javaSource();
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
