package camlab.exercises.grading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import camlab.exercises.registry.Exercise;

/**
 * Checks what a compiled cell calls before any of its code runs: every method, field, class and method
 * reference in its class files against the {@link ApiRules} and against the library members its exercise asks
 * the student to write themselves ({@link Exercise#writeYourself()}).
 *
 * <p>Only executable references count (instructions, lambdas' and method references' targets, bootstrap
 * methods); a type that merely appears in a signature does nothing. The cell's own classes must extend and
 * implement allowed types, so an inherited method cannot slip past under the cell's own class name.
 */
public final class CellPolicy {
  /** The bootstrap methods javac emits for lambdas, string concatenation and records. */
  private static final List<String> BOOTSTRAPS = List.of("java/lang/invoke/LambdaMetafactory",
      "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods");

  /** One refused reference: where it is and what to tell the student. */
  public record Violation(int cellLine, String message) {}

  private record Found(Violation violation, boolean call) {}

  private CellPolicy() {}

  /**
   * The first refused reference in the cell's {@code classes} (binary name → class file), by cell line;
   * {@code cellLine} maps a line of the wrapped class to a line of the cell.
   */
  public static Optional<Violation> check(Exercise exercise, String cellClass, Map<String, byte[]> classes, IntUnaryOperator cellLine) {
    Checker checker = new Checker(exercise, cellClass, cellLine);
    for (byte[] bytes : classes.values()) new ClassReader(bytes).accept(checker, ClassReader.SKIP_FRAMES);
    List<Found> found = checker.found;
    if (found.isEmpty()) return Optional.empty();
    // by cell line (a class's header last), and on one line a call before the types its arguments use
    found.sort(Comparator.comparingInt((Found f) -> f.violation().cellLine() <= 0 ? Integer.MAX_VALUE : f.violation().cellLine())
        .thenComparing(f -> !f.call()));
    Violation first = found.get(0).violation();
    List<String> otherLines = found.stream().map(f -> f.violation().cellLine()).filter(l -> l > 0 && l != first.cellLine()).distinct()
        .sorted().map(String::valueOf).toList();
    return Optional.of(otherLines.isEmpty() ? first
        : new Violation(first.cellLine(), first.message() + " (and more on cell line" + (otherLines.size() == 1 ? " " : "s ")
            + String.join(", ", otherLines) + ")"));
  }

  private static final class Checker extends ClassVisitor {
    private final Exercise exercise;
    private final String cellClass;
    private final IntUnaryOperator cellLine;
    final List<Found> found = new ArrayList<>();

    Checker(Exercise exercise, String cellClass, IntUnaryOperator cellLine) {
      super(Opcodes.ASM9);
      this.exercise = exercise;
      this.cellClass = cellClass;
      this.cellLine = cellLine;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      if (superName != null) checkClass(superName, 0, "extends");
      for (String i : interfaces) checkClass(i, 0, "implements");
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        private int line;

        @Override
        public void visitLineNumber(int javaLine, Label start) {
          line = cellLine.applyAsInt(javaLine);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean isInterface) {
          checkMember(owner, member, desc, line);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String member, String desc) {
          checkMember(owner, member, null, line);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          if (opcode != Opcodes.NEW) checkClass(type, line, "uses"); // NEW is always followed by its constructor's call, checked there
        }

        @Override
        public void visitMultiANewArrayInsn(String desc, int dims) {
          checkClass(Type.getType(desc).getElementType().getInternalName(), line, "uses");
        }

        @Override
        public void visitLdcInsn(Object value) {
          checkConstant(value, line);
        }

        @Override
        public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... arguments) {
          checkBootstrap(bootstrap, arguments, line);
        }
      };
    }

    private void checkConstant(Object value, int line) {
      if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
        checkClass(t.getSort() == Type.ARRAY ? t.getElementType().getInternalName() : t.getInternalName(), line, "uses");
      } else if (value instanceof Handle h) {
        checkMember(h.getOwner(), h.getName(), h.getDesc(), line);
      } else if (value instanceof ConstantDynamic c) {
        Object[] arguments = new Object[c.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < arguments.length; i++) arguments[i] = c.getBootstrapMethodArgument(i);
        checkBootstrap(c.getBootstrapMethod(), arguments, line);
      }
    }

    private void checkBootstrap(Handle bootstrap, Object[] arguments, int line) {
      if (!BOOTSTRAPS.contains(bootstrap.getOwner())) checkMember(bootstrap.getOwner(), bootstrap.getName(), bootstrap.getDesc(), line);
      for (Object argument : arguments) checkConstant(argument, line);
    }

    private boolean own(String internalName) {
      return internalName.equals(cellClass) || internalName.startsWith(cellClass + "$");
    }

    private void checkClass(String internalName, int line, String verb) {
      if (internalName.startsWith("[")) {
        Type element = Type.getType(internalName).getElementType();
        if (element.getSort() != Type.OBJECT) return;
        internalName = element.getInternalName();
      }
      if (own(internalName)) return;
      String className = internalName.replace('/', '.');
      if (writeYourself(className, null, line)) return;
      ApiRules.refusal(className, null, null).ifPresent(reason ->
          refuse(line, verb + " " + className.replace('$', '.'), reason, false));
    }

    private void checkMember(String owner, String member, String descriptor, int line) {
      if (owner.startsWith("[") || own(owner)) return;
      String className = owner.replace('/', '.');
      if (writeYourself(className, member, line)) return;
      ApiRules.refusal(className, member, descriptor).ifPresent(reason -> refuse(line,
          (member.equals("<init>") ? "creates a " + className.replace('$', '.') : "calls " + className.replace('$', '.') + "." + member),
          reason, true));
    }

    private boolean writeYourself(String className, String member, int line) {
      Optional<String> forbidden = exercise.writeYourselfMatch(className, member);
      forbidden.ifPresent(what -> found.add(new Found(new Violation(line, exercise.id() + " asks you to write this yourself: calling " + what
          + (line > 0 ? " (cell line " + line + ")" : "") + " is not allowed here (you may use it in other cells to compare)"), member != null)));
      return forbidden.isPresent();
    }

    private void refuse(int line, String what, ApiRules.Reason reason, boolean call) {
      found.add(new Found(new Violation(line, (line > 0 ? "cell line " + line + " " : "the cell ") + what + ": an exercise cell may not "
          + reason.text + " — it computes its result from its arguments"), call));
    }
  }
}
