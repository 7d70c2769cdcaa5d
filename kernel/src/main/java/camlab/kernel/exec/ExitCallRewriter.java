package camlab.kernel.exec;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Redirects JVM-ending calls in cell classes to {@link camlab.kernel.runtime.ExitGuard}.
 *
 * <p>Each replacement has the same stack effect as the call it replaces ({@code Runtime.exit(int)} on a
 * receiver becomes a static {@code (Runtime, int)} call), so frames and max stack stay valid and the
 * class is copied through otherwise unchanged.
 */
public final class ExitCallRewriter {
  private static final String GUARD = "camlab/kernel/runtime/ExitGuard";
  private static final int ASM_API = Opcodes.ASM9;

  private ExitCallRewriter() {}

  /**
   * Returns {@code classFile} with exit calls redirected, or {@code classFile} itself when it has none.
   *
   * @throws IllegalArgumentException if ASM cannot read the class file (e.g. a newer class file version)
   */
  public static byte[] rewrite(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    boolean[] changed = {false};
    reader.accept(new ClassVisitor(ASM_API, writer) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
        return new ExitCallVisitor(super.visitMethod(access, name, desc, sig, exceptions), changed);
      }
    }, 0);
    return changed[0] ? writer.toByteArray() : classFile;
  }

  private static final class ExitCallVisitor extends MethodVisitor {
    private final boolean[] changed;

    ExitCallVisitor(MethodVisitor next, boolean[] changed) {
      super(ASM_API, next);
      this.changed = changed;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean isInterface) {
      if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit") && desc.equals("(I)V")) {
        changed[0] = true;
        super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "systemExit", "(I)V", false);
      } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
          && (name.equals("exit") || name.equals("halt")) && desc.equals("(I)V")) {
        changed[0] = true;
        String guard = name.equals("exit") ? "runtimeExit" : "runtimeHalt";
        super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard, "(Ljava/lang/Runtime;I)V", false);
      } else {
        super.visitMethodInsn(opcode, owner, name, desc, isInterface);
      }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... args) {
      // System::exit as a method reference arrives as a handle argument of LambdaMetafactory
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof Handle h && h.getTag() == Opcodes.H_INVOKESTATIC
            && h.getOwner().equals("java/lang/System") && h.getName().equals("exit") && h.getDesc().equals("(I)V")) {
          args[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, "systemExit", "(I)V", false);
          changed[0] = true;
        }
      }
      super.visitInvokeDynamicInsn(name, desc, bootstrap, args);
    }
  }
}
