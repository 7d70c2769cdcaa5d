package camlab.kernel.magic;

import camlab.kernel.eval.CellFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel's line magics, by name. */
public final class Magics {
  private final Map<String, LineMagic> byName = new LinkedHashMap<>();

  public Magics(LineMagic... magics) {
    for (LineMagic m : magics) byName.put(m.name(), m);
  }

  public void add(LineMagic magic) {
    byName.put(magic.name(), magic);
  }

  public List<LineMagic> all() {
    return new ArrayList<>(byName.values());
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /**
   * Runs one magic line.
   *
   * @param where "line 2 of this cell", for error messages
   * @return the magic's value, or null
   */
  public Object run(String line, MagicContext ctx, String where) throws CellFailure {
    try {
      return find(line).run(MagicLine.parse(line).args(), ctx);
    } catch (MagicError e) {
      throw e.at(where, line);
    } catch (CellFailure f) {
      throw f;
    } catch (Exception e) {
      throw new MagicError("%" + MagicLine.parse(line).name() + " failed: " + e).at(where, line);
    }
  }

  /**
   * Runs the magic of IJava's inline form ({@code List<String> added = %jars lib/*.jar}) and returns its value and the
   * Java type to declare it with.
   *
   * @throws MagicError when the magic gives no value, or fails
   */
  public Valued runForValue(String line, MagicContext ctx, String where) throws CellFailure {
    LineMagic m;
    try {
      m = find(line);
      if (m.valueType() == null) {
        throw new MagicError("%" + m.name() + " gives no value, so it cannot stand after '='. Write it on a line of its own"
            + " (magics that give a value: " + String.join(", ", byName.values().stream().filter(x -> x.valueType() != null)
                .map(x -> "%" + x.name()).toList()) + ").");
      }
    } catch (MagicError e) {
      throw e.at(where, line.strip());
    }
    return new Valued(run(line, ctx, where), m.valueType());
  }

  /** A magic's value and its Java type. */
  public record Valued(Object value, String type) {}

  private LineMagic find(String line) throws MagicError {
    MagicLine magic = MagicLine.parse(line);
    if (magic.cellMagic()) {
      throw new MagicError("%%" + magic.name() + ": cell magics (%%name) are not supported by this kernel. Line magics: "
          + known() + ".");
    }
    LineMagic m = byName.get(magic.name());
    if (m == null) {
      throw new MagicError("%" + magic.name() + " is not a magic of this kernel. Known magics: " + known()
          + ". (A line that starts with % in its first column is a magic; so is %name after '=' in a declaration.)");
    }
    return m;
  }

  private String known() {
    return String.join(", ", byName.keySet().stream().map(n -> "%" + n).toList());
  }
}
