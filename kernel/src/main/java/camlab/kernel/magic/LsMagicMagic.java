package camlab.kernel.magic;

import java.util.List;
import java.util.function.Supplier;

/** {@code %lsmagic}: lists the magics with one line of usage each. */
public final class LsMagicMagic implements LineMagic {
  private final Supplier<List<LineMagic>> magics;

  public LsMagicMagic(Supplier<List<LineMagic>> magics) {
    this.magics = magics;
  }

  @Override
  public String name() {
    return "lsmagic";
  }

  @Override
  public String usage() {
    return "%lsmagic — list the magics";
  }

  @Override
  public Object run(List<String> args, MagicContext ctx) {
    System.out.println("Line magics (a line starting with % in its first column):");
    for (LineMagic m : magics.get()) System.out.println("  " + m.usage());
    System.out.println("Magics that give a value may also stand after '=': List<String> added = %jars lib/*.jar");
    return null;
  }
}
